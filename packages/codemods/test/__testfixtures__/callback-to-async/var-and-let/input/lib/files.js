'use strict';
var fs = require('fs');

// A `var` nothing assigns again: migrated like a `const`.
var readText = function (file, cb) {
  fs.readFile(file, 'utf8', function (err, text) {
    if (err) return cb(err);
    cb(null, text);
  });
};

// A `let` arrow, likewise.
let lineCount = (file, cb) => {
  readText(file, (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n').length);
  });
};

// Assigned again below: which function runs depends on when it is called, so it is not looked at.
var readRaw = function (file, cb) {
  fs.readFile(file, function (err, data) {
    if (err) return cb(err);
    cb(null, data);
  });
};
if (process.env.NO_RAW) readRaw = function (file, cb) { cb(null, Buffer.alloc(0)); };

function report(file) {
  lineCount(file, (err, n) => {
    if (err) {
      console.error(err.message);
      return;
    }
    console.log(n);
  });
  readRaw(file, (err, data) => {
    if (err) throw err;
    console.log(data.length);
  });
}

// A property set on a function does not call it.
readText.encoding = 'utf8';

module.exports = { readText, lineCount, readRaw, report };
