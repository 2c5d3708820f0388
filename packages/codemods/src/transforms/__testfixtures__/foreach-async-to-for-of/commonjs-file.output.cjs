'use strict';
const { rm } = require('node:fs/promises');

async function removeAll(dirs) {
  for (const dir of Object.values(dirs)) {
    await rm(dir, { recursive: true });
  }
}

module.exports = { removeAll };
