'use strict';
const fs = require('fs');
const path = require('path');

/** The parsed JSON of a config file. */
async function loadConfig(dir) {
  const text = await fs.promises.readFile(path.join(dir, 'config.json'), 'utf8');
  return JSON.parse(text);
}

/** A config value, or the fallback when the config does not name it. */
async function setting(dir, name, fallback) {
  const config = await loadConfig(dir);
  return name in config ? config[name] : fallback;
}

/** Whether the config file exists. */
function hasConfig(dir, callback) {
  fs.access(path.join(dir, 'config.json'), (err) => {
    callback(null, !err);
  });
}

/** The raw bytes of a file of the config folder. */
function readRaw(dir, name, callback) {
  fs.readFile(path.join(dir, name), callback);
}

module.exports = { loadConfig, setting, hasConfig, readRaw };
