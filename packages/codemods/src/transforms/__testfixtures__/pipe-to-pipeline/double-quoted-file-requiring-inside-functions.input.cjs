// Its modules are required inside the function: no top-level import to copy the quotes from, so the
// pipeline import takes the quotes the file's strings use.
module.exports = async function compress(src, dst) {
  const fs = require("fs");
  const zlib = require("zlib");
  await new Promise((resolve, reject) => {
    fs.createReadStream(src)
      .pipe(zlib.createGzip())
      .pipe(fs.createWriteStream(dst))
      .on("error", reject)
      .on("finish", resolve);
  });
  return dst;
};
