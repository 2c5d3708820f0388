import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

export function printSize(dir: string) {
  // Declared in the function that calls it: migrated with its call.
  function sizeOf(name: string, cb: Callback<number>) {
    fs.stat(`${dir}/${name}`, (err, stats) => {
      if (err) return cb(err);
      cb(null, stats.size);
    });
  }

  sizeOf('a.txt', (err, size) => {
    if (err) {
      console.error(err.message);
      return;
    }
    console.log(size);
  });
}

export function doubleSize(dir: string, cb: Callback<number>) {
  function statOf(name: string, done: Callback<number>) {
    fs.stat(`${dir}/${name}`, (err, stats) => {
      if (err) return done(err);
      done(null, stats.size);
    });
  }

  statOf('b.txt', (err, size) => {
    if (err) return cb(err);
    cb(null, (size ?? 0) * 2);
  });
}
