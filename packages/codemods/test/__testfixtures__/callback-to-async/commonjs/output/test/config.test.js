'use strict';
const { loadConfig } = require('../lib/config');

loadConfig(__dirname).then((config) => {
  console.log(config);
});
