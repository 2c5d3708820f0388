const fs = require('fs');

// Not async: the caller gets the promise as it is; making the function async would change what a throw does.
function download(response, dest) {
  const writer = fs.createWriteStream(dest);
  response.pipe(writer);
  return new Promise((resolve, reject) => {
    writer.on('finish', resolve);
    writer.on('error', reject);
  });
}

module.exports = { download };
