'use strict';
const fs = require('fs');
const { callbackify } = require('util');

/** The parsed JSON of a file. */
function readJson(file, callback) {
  return callback === undefined ? readJsonAsync(file) : callbackify(readJsonAsync)(file, callback);
}

async function readJsonAsync(file) {
  const text = await fs.promises.readFile(file, 'utf8');
  return JSON.parse(text);
}

/** The `name` of a package.json. */
function readName(file, callback) {
  return callback === undefined ? readNameAsync(file) : callbackify(readNameAsync)(file, callback);
}

async function readNameAsync(file) {
  const data = await readJson(file);
  return data.name;
}

/** Not exported: migrated with its callers. */
async function readVersion(file) {
  const data = await readJson(file);
  return data.version;
}

/** `name@version` of a package.json. */
function describe(file, callback) {
  return callback === undefined ? describeAsync(file) : callbackify(describeAsync)(file, callback);
}

async function describeAsync(file) {
  const version = await readVersion(file);
  return `${version}`;
}

module.exports = { readJson, readName, describe };
