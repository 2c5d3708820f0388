'use strict';
const _ = require('lodash');

async function saveAll(items, store) {
  _.forEach(items, async (item) => {
    await store.put(item);
  });
}

module.exports = { saveAll };
