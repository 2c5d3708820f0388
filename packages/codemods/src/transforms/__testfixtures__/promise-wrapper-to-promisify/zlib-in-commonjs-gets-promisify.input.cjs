'use strict';
const zlib = require('zlib');

const pack = (body) =>
  new Promise((resolve, reject) => {
    zlib.gzip(body, (error, packed) => {
      if (error) reject(error);
      else resolve(packed);
    });
  });

module.exports = { pack };
