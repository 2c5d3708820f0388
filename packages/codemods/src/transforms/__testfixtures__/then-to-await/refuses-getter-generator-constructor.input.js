export class Store {
  constructor(ready) {
    return Promise.resolve(ready).then((value) => ({ value }));
  }
  get size() {
    return Promise.resolve(3).then((n) => n + 1);
  }
  *pages() {
    return Promise.resolve(1).then((n) => n);
  }
}
