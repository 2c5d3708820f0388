'use strict';
const { setting } = require('./config');
const config = require('./config');

function main(dir) {
  setting(dir, 'port', 8080, (err, port) => {
    if (err) {
      console.error(err.message);
      process.exitCode = 1;
      return;
    }
    console.log(`port ${port}`);
  });
}

function check(dir, done) {
  config.hasConfig(dir, done);
}

async function portOf(dir) {
  setting(dir, 'port', 8080, (err, port) => {
    if (err) throw err;
    console.log(port);
  });
}

function partial(dir, done) {
  config.readRaw(dir, done);
}

module.exports = { main, check, portOf, partial };
