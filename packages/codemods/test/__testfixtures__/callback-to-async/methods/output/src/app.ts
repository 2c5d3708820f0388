import { sizes, Store } from './store';

export function show(dir: string) {
  Store.open(dir).then((store) => {
    console.log(store);
  }, (err) => {
    console.error(err.message);
  });
}

export async function printEntry(store: Store, key: string) {
  const value = await store.readJson(key);
  console.log(value);
}

export async function printSize(file: string) {
  const size = await sizes.of(file);
  console.log(size);
}
