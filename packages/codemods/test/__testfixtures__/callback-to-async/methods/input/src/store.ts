import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

export class Store {
  constructor(private readonly dir: string) {}

  /** One entry's text. */
  read(key: string, cb: Callback<string>) {
    fs.readFile(`${this.dir}/${key}`, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text);
    });
  }

  /** One entry, parsed. */
  readJson(key: string, cb: Callback<unknown>) {
    this.read(key, (err, text) => {
      if (err) return cb(err);
      cb(null, JSON.parse(text ?? 'null'));
    });
  }

  static open(dir: string, cb: Callback<Store>) {
    fs.stat(dir, (err) => {
      if (err) return cb(err);
      cb(null, new Store(dir));
    });
  }
}

export const sizes = {
  of(file: string, cb: Callback<number>) {
    fs.stat(file, (err, stats) => {
      if (err) return cb(err);
      cb(null, stats.size);
    });
  },
};
