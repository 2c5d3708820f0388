'use strict';
const fs = require('fs');
const got = require('got');

// Resolving on the file's close with its path; the listeners chained on one statement.
async function fetchTo(url, file) {
  const out = fs.createWriteStream(file);
  got.stream(url).pipe(out);
  return new Promise((resolve, reject) => {
    out.on('close', () => resolve(file)).on('error', reject);
  });
}

module.exports = { fetchTo };
