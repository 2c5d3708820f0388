const { promisify } = require('node:util');
function query(db, sql) {
  return promisify(db.all).call(db, sql);
}

module.exports = query;
