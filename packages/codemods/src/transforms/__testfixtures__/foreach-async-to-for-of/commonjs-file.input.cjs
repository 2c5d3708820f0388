'use strict';
const { rm } = require('node:fs/promises');

async function removeAll(dirs) {
  Object.values(dirs).forEach(async (dir) => {
    await rm(dir, { recursive: true });
  });
}

module.exports = { removeAll };
