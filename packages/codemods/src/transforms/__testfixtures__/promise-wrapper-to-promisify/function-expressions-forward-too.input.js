function query(db, sql) {
  return new Promise(function (resolve, reject) {
    db.all(sql, function (err, rows) {
      if (err) {
        return reject(err);
      }
      resolve(rows);
    });
  });
}

module.exports = query;
