// Its modules are required inside the function: no top-level import to copy the quotes from, so the
// pipeline import takes the quotes the file's strings use.
const { pipeline } = require("node:stream/promises");
module.exports = async function compress(src, dst) {
  const fs = require("fs");
  const zlib = require("zlib");
  await pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst));
  return dst;
};
