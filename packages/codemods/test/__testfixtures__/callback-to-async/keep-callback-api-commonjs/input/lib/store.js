'use strict';
const fs = require('fs');

/** The parsed JSON of a file. */
function readJson(file, callback) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return callback(err);
    callback(null, JSON.parse(text));
  });
}

/** The `name` of a package.json. */
function readName(file, callback) {
  readJson(file, (err, data) => {
    if (err) return callback(err);
    callback(null, data.name);
  });
}

/** Not exported: migrated with its callers. */
function readVersion(file, callback) {
  readJson(file, (err, data) => {
    if (err) return callback(err);
    callback(null, data.version);
  });
}

/** `name@version` of a package.json. */
function describe(file, callback) {
  readVersion(file, (err, version) => {
    if (err) return callback(err);
    callback(null, `${version}`);
  });
}

module.exports = { readJson, readName, describe };
