export function get(app, key) {
  return new Promise((resolve, reject) => app.store.client.get(key, (err, value) => (err ? reject(err) : resolve(value))));
}

export function getAt(clients, i, key) {
  return new Promise((resolve, reject) => clients[i].get(key, (err, value) => (err ? reject(err) : resolve(value))));
}
