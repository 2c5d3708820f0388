'use strict';
const { readFile, promises } = require('fs');

async function printJson(file) {
  const text = await promises.readFile(file, 'utf8');
  console.log(JSON.parse(text));
}

module.exports = { printJson };
