'use strict';
const fs = require('fs');
const got = require('got');
const { pipeline } = require('stream/promises');

// Resolving on the file's close with its path; the listeners chained on one statement.
async function fetchTo(url, file) {
  const out = fs.createWriteStream(file);
  await pipeline(got.stream(url), out);
  return file;
}

module.exports = { fetchTo };
