'use strict';
const fsp = require('node:fs/promises');
const { once } = require('node:events');

async function firstOf(file, emitter) {
  return Promise.race([fsp.readFile(file), once(emitter, 'ready')]);
}

module.exports = { firstOf };
