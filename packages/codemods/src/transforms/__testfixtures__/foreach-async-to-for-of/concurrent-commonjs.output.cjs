'use strict';
const { readFile } = require('node:fs/promises');
const { boundedMap } = require('../../../lib/asyncwise-limit.cjs');

async function loadAll(sources, cache) {
  await boundedMap(Object.keys(sources), 3, async (name) => {
    cache.set(name, await readFile(sources[name], 'utf8'));
  });
}

module.exports = { loadAll };
