const fs = require('fs');

async function copyUpper(from, to) {
  const text = await fs.promises.readFile(from, 'utf8');
  await fs.promises.writeFile(to, text.toUpperCase());
  console.log('copied', from, 'to', to);
}

module.exports = copyUpper;
