const { promisify } = require('util');

class Cache {
  constructor(client) {
    this.client = client;
  }

  get(key) {
    return new Promise((resolve, reject) => this.send('GET', key, (err, value) => (err ? reject(err) : resolve(value))));
  }

  static read(client, key) {
    return new Promise((resolve, reject) => client.get(key, (err, value) => (err ? reject(err) : resolve(value))));
  }
}

module.exports = { Cache, promisify };
