'use strict';
const { readFile } = require('fs');

async function printJson(file) {
  readFile(file, 'utf8', (err, text) => {
    if (err) throw err;
    console.log(JSON.parse(text));
  });
}

module.exports = { printJson };
