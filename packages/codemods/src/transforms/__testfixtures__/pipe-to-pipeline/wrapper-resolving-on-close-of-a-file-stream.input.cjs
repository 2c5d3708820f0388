const fs = require('fs');

async function download(response, target) {
  const out = fs.createWriteStream(target);
  return new Promise((resolve, reject) => {
    response.pipe(out).on('error', reject).on('close', () => resolve(out.path));
  });
}

module.exports = { download };
