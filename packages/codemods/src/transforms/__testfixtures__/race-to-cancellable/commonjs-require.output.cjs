'use strict';
const fsp = require('node:fs/promises');
const { once } = require('node:events');

async function firstOf(file, emitter) {
  const controller = new AbortController();
  return Promise.race([fsp.readFile(file, { signal: controller.signal }), once(emitter, 'ready', { signal: controller.signal })]).finally(() => controller.abort());
}

module.exports = { firstOf };
