export function both(client, key) {
  return new Promise((resolve, reject) => {
    client.fetch(key, (err, value, meta) => {
      if (err) return reject(err);
      resolve({ value, meta });
    });
  });
}
