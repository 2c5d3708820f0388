const fs = require('fs');

function loadSync(file) {
  return fs.readFileSync(file, 'utf8');
}

async function loadAll(files) {
  // The callback is sync: it cannot await, so the call stays.
  return files.map((file) => fs.readFileSync(file, 'utf8'));
}

module.exports = { loadSync, loadAll };
