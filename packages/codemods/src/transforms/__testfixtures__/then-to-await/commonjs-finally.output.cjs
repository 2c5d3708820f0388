const fsp = require('fs/promises');

async function readLocked(lock, path) {
  lock.acquire();
  try {
    const text = await fsp.readFile(path, 'utf8');
    return await text.trim();
  } finally {
    await lock.release();
  }
}

module.exports = { readLocked };
