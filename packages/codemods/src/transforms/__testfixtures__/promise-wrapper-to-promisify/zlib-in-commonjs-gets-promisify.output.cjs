'use strict';
const zlib = require('zlib');
const { promisify } = require('util');

const pack = (body) =>
  promisify(zlib.gzip)(body);

module.exports = { pack };
