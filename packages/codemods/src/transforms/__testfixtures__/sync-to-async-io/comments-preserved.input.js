const fs = require('fs');

module.exports = async function save(file, data) {
  fs.writeFileSync(/* where */ file, data /* what */); // keep this
};
