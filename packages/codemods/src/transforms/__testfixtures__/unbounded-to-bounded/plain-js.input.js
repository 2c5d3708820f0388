export async function load(ids, db) {
  const rows = await Promise.all(ids.map(async function (id) {
    return db.find(id);
  }));
  return rows;
}
