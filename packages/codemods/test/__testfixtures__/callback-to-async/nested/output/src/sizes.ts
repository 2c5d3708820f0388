import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

export function printSize(dir: string) {
  // Declared in the function that calls it: migrated with its call.
  async function sizeOf(name: string) {
    const stats = await fs.promises.stat(`${dir}/${name}`);
    return stats.size;
  }

  sizeOf('a.txt').then((size) => {
    console.log(size);
  }, (err) => {
    console.error(err.message);
  });
}

export async function doubleSize(dir: string) {
  async function statOf(name: string) {
    const stats = await fs.promises.stat(`${dir}/${name}`);
    return stats.size;
  }

  const size = await statOf('b.txt');
  return (size ?? 0) * 2;
}
