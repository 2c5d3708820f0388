import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

interface Reader {
  load(key: string, cb: Callback<string>): void;
}

// Implements an interface's member: every implementation would have to become async.
export class FileReader implements Reader {
  load(key: string, cb: Callback<string>) {
    fs.readFile(key, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text);
    });
  }
}

// Overridden by a derived class's method, which overrides it: both would have to become async.
export class Base {
  fetch(key: string, cb: Callback<string>) {
    fs.readFile(key, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text);
    });
  }
}

export class Derived extends Base {
  fetch(key: string, cb: Callback<string>) {
    fs.readFile(`${key}.bak`, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text);
    });
  }
}

export class Disk {
  size(file: string, cb: Callback<number>) {
    fs.stat(file, (err, stats) => {
      if (err) return cb(err);
      cb(null, stats.size);
    });
  }
}

export class Memory {
  size(file: string, cb: Callback<number>) {
    fs.stat(file, (err, stats) => {
      if (err) return cb(err);
      cb(null, stats.size * 0);
    });
  }
}

// A receiver of two types: either class's method may run.
export function sizeOf(where: Disk | Memory, file: string) {
  where.size(file, (err, size) => {
    if (err) throw err;
    console.log(size);
  });
}
