const fsp = require('fs/promises');

function readLocked(lock, path) {
  lock.acquire();
  return fsp.readFile(path, 'utf8')
    .then((text) => text.trim())
    .finally(() => lock.release());
}

module.exports = { readLocked };
