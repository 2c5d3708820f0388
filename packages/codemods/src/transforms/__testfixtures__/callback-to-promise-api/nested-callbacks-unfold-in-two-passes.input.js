const fs = require('fs');

async function copyUpper(from, to) {
  fs.readFile(from, 'utf8', (err, text) => {
    if (err) throw err;
    fs.writeFile(to, text.toUpperCase(), (err) => {
      if (err) throw err;
      console.log('copied', from, 'to', to);
    });
  });
}

module.exports = copyUpper;
