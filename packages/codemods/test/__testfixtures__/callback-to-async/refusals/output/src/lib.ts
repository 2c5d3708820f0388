import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

export function twice(cb: Callback<number>) {
  cb(null, 1);
  cb(null, 2);
}

export function maybe(x: number, cb: Callback<number>) {
  if (x) cb(null, x);
}

export function early(x: number, cb: Callback<number>) {
  cb(null, x);
  console.log('after');
}

export function later(cb: Callback<number>) {
  setTimeout(() => cb(null, 1), 10);
}

export function pass(file: string, cb: Callback<number>) {
  fs.access(file, (err) => cb(err));
}

export function pair(cb: (err: Error | null, a?: number, b?: number) => void) {
  cb(null, 1, 2);
}

export function both(x: number, cb: Callback<number>) {
  if (!x) return 0;
  cb(null, x);
}

export function strict(x: number, cb: Callback<number>) {
  if (!x) throw new Error('no x');
  cb(null, x);
}

export function tried(text: string, cb: Callback<unknown>) {
  try {
    cb(null, JSON.parse(text));
  } catch (error) {
    cb(error as Error);
  }
}

export function visit(x: number, cb: (err: Error | string | null, label?: string) => void) {
  if (!x) return cb('no item');
  cb(null, `item ${x}`);
}

export function typed(x: string, cb: Callback<string>): void {
  cb(null, x);
}

export function handler(x: string, cb: Callback<string>) {
  cb(null, x);
}

export function spread(x: string, cb: Callback<string>) {
  cb(null, x);
}

export function used(x: string, cb: Callback<string>) {
  cb(null, x);
}

export function logged(x: string, cb: Callback<string>) {
  cb(null, x);
}

export function clash(file: string, cb: Callback<Buffer>) {
  const data = 1;
  console.log(data);
  fs.readFile(file, (err, data) => {
    if (err) return cb(err);
    cb(null, data);
  });
}

// Its success path calls back with an error: that `throw` may only be written once the callback is awaited.
export function unexpected(file: string, cb: Callback<Buffer>) {
  const data = 0;
  console.log(data);
  fs.readFile(file, (err, data) => {
    if (err) return cb(err);
    cb(new Error(`unexpected ${data.length} bytes`));
  });
}

export function over(x: string, cb: Callback<string>): void;
export function over(x: number, cb: Callback<string>): void;
export function over(x: string | number, cb: Callback<string>) {
  cb(null, String(x));
}
