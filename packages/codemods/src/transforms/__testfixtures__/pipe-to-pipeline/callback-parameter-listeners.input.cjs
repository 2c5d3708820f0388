const fs = require('node:fs');
const crypto = require('node:crypto');

async function digest(file, out, done) {
  fs.createReadStream(file).pipe(crypto.createHash('sha256')).pipe(fs.createWriteStream(out)).on('error', done).on('finish', done);
}

module.exports = digest;
