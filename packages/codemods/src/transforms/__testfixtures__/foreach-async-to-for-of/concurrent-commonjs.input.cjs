'use strict';
const { readFile } = require('node:fs/promises');

async function loadAll(sources, cache) {
  Object.keys(sources).forEach(async (name) => {
    cache.set(name, await readFile(sources[name], 'utf8'));
  });
}

module.exports = { loadAll };
