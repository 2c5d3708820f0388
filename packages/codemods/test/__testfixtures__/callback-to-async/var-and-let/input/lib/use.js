'use strict';
// A CommonJS import of the function: no use of it as a value.
var lineCount = require('./files').lineCount;

lineCount(process.argv[2], (err, n) => {
  if (err) throw err;
  console.log(n);
});
