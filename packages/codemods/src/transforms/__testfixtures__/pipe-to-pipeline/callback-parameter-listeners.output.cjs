const fs = require('node:fs');
const crypto = require('node:crypto');
const { pipeline } = require('node:stream/promises');

async function digest(file, out, done) {
  try {
    await pipeline(fs.createReadStream(file), crypto.createHash('sha256'), fs.createWriteStream(out));
  } catch (err) {
    done(err);
    return;
  }
  done();
}

module.exports = digest;
