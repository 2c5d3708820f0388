import * as fs from 'node:fs';

export type Callback<T> = (err: Error | null, value?: T) => void;

/** The parsed settings file. */
export function readConfig(file: string, cb: Callback<{ port: number }>) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, JSON.parse(text) as { port: number });
  });
}

// Calls back before it returns when no file is given: its callback API cannot be kept as it is.
export function readStrict(file: string, cb: Callback<string>) {
  if (!file) return cb(new Error('no file'));
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text);
  });
}

// Not exported: migrated with its callers, as without the option.
function readPort(file: string, cb: Callback<number>) {
  readConfig(file, (err, config) => {
    if (err) return cb(err);
    cb(null, config?.port ?? 0);
  });
}

export const portOf = (file: string, done: Callback<number>) => {
  readPort(file, done);
};

// A parameter the wrapper cannot forward by its name: its callback API cannot be kept.
export function readEntry({ file }: { file: string }, cb: Callback<string>) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text);
  });
}
