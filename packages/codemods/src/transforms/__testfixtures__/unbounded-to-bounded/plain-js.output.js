import { boundedMap } from '../../../lib/asyncwise-limit.js';
export async function load(ids, db) {
  const rows = await boundedMap(ids, 8, async function (id) {
    return db.find(id);
  });
  return rows;
}
