'use strict';
const { loadConfig } = require('../lib/config');

loadConfig(__dirname, (err, config) => {
  if (err) throw err;
  console.log(config);
});
