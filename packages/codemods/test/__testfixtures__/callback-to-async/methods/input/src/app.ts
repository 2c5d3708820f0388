import { sizes, Store } from './store';

export function show(dir: string) {
  Store.open(dir, (err, store) => {
    if (err) {
      console.error(err.message);
      return;
    }
    console.log(store);
  });
}

export async function printEntry(store: Store, key: string) {
  store.readJson(key, (err, value) => {
    if (err) throw err;
    console.log(value);
  });
}

export async function printSize(file: string) {
  sizes.of(file, (err, size) => {
    if (err) throw err;
    console.log(size);
  });
}
