const fs = require('fs');

async function listJson(dir) {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

module.exports = { listJson };
