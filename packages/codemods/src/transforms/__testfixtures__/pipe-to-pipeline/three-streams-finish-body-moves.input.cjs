'use strict';
const fs = require('fs');
const zlib = require('zlib');

async function compress(src, dst) {
  fs.createReadStream(src).pipe(zlib.createGzip()).pipe(fs.createWriteStream(dst)).on('finish', () => {
    console.log(`compressed ${src}`);
  });
}

module.exports = { compress };
