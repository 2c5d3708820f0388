const fs = require('fs');
const stream = require('stream');

const upper = () => new stream.Transform({
  transform(chunk, _encoding, next) {
    next(null, chunk.toString().toUpperCase());
  },
});

async function shout(src, dst) {
  fs.createReadStream(src).pipe(upper()).pipe(fs.createWriteStream(dst));
}

module.exports = { shout };
