const { promisify } = require('util');

class Cache {
  constructor(client) {
    this.client = client;
  }

  get(key) {
    return promisify(this.send).call(this, 'GET', key);
  }

  static read(client, key) {
    return promisify(client.get).call(client, key);
  }
}

module.exports = { Cache, promisify };
