const { open } = require('node:fs/promises');

async function append(path, line) {
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(`${line}\n`);
  } finally {
    await handle.close();
  }
}

module.exports = { append };
