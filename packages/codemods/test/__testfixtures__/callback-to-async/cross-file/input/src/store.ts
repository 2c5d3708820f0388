import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

/** The text of a file, trimmed. */
export function readText(file: string, cb: Callback<string>) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

/** The lines of a file. */
export function readLines(file: string, cb: Callback<string[]>) {
  if (!file) return cb(new Error('no file'));
  readText(file, (err, text) => {
    if (err) return cb(err);
    cb(null, (text ?? '').split('\n'));
  });
}

export const size = (file: string, cb: Callback<number>) => {
  fs.stat(file, cb);
};
