const fs = require('fs');
const { pipeline } = require('stream/promises');

async function download(response, target) {
  const out = fs.createWriteStream(target);
  await pipeline(response, out);
  return out.path;
}

module.exports = { download };
