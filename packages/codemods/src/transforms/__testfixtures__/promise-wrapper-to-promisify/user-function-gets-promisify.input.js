import { loadRow } from './db.js';

export function row(id) {
  return new Promise((resolve, reject) => {
    loadRow(id, { fresh: true }, (err, found) => {
      if (err) return reject(err);
      resolve(found);
    });
  });
}
