const fs = require('fs');

module.exports = async function save(file, data) {
  await fs.promises.writeFile(/* where */ file, data /* what */); // keep this
};
