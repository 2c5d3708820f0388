'use strict';
const { setting } = require('./config');
const config = require('./config');

function main(dir) {
  setting(dir, 'port', 8080).then((port) => {
    console.log(`port ${port}`);
  }, (err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}

function check(dir, done) {
  config.hasConfig(dir, done);
}

async function portOf(dir) {
  const port = await setting(dir, 'port', 8080);
  console.log(port);
}

function partial(dir, done) {
  config.readRaw(dir, done);
}

module.exports = { main, check, portOf, partial };
