'use strict';
const store = require('./store');

// Callers of functions that keep their callback API: left as they are.
store.readName(process.argv[2], (err, name) => {
  if (err) {
    console.error(err.message);
    process.exitCode = 1;
    return;
  }
  console.log(name);
});
