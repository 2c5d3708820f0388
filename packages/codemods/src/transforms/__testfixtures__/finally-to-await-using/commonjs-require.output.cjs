const { open } = require('node:fs/promises');

async function append(path, line) {
  await using handle = await open(path, 'a');
  await handle.appendFile(`${line}\n`);
}

module.exports = { append };
