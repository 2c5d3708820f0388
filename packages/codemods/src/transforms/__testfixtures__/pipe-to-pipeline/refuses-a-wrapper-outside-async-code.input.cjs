const fs = require('fs');

// Not async: a stream that throws while it is made would throw out of the function instead of rejecting.
function copy(a, b) {
  return new Promise((resolve, reject) => {
    fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', resolve);
  });
}

module.exports = copy;
