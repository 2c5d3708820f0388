'use strict';
const fs = require('fs');
const { pipeline } = require('stream/promises');

// The download helper: the destination is made inside the executor, and its listeners are added
// by statements after the chain. Only the file listens for errors: a failing response was an
// uncaught exception, and now rejects.
async function save(response, dest) {
  const out = fs.createWriteStream(dest);
  await pipeline(response, out);
  return dest;
}

module.exports = { save };
