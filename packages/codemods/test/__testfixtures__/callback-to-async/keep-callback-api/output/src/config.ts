import * as fs from 'node:fs';
import { callbackify } from 'node:util';

export type Callback<T> = (err: Error | null, value?: T) => void;

/** The parsed settings file. */
export function readConfig(file: string): Promise<{ port: number; }>;
export function readConfig(file: string, cb: Callback<{ port: number }>): void;
export function readConfig(file: string, cb?: Callback<{ port: number }>) {
  return cb === undefined ? readConfigAsync(file) : callbackify(readConfigAsync)(file, cb);
}

async function readConfigAsync(file: string) {
  const text = await fs.promises.readFile(file, 'utf8');
  return JSON.parse(text) as { port: number };
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
async function readPort(file: string) {
  const config = await readConfig(file);
  return config?.port ?? 0;
}

export function portOf(file: string): Promise<number>;
export function portOf(file: string, done: Callback<number>): void;
export function portOf(file: string, done?: Callback<number>) {
  return done === undefined ? portOfAsync(file) : callbackify(portOfAsync)(file, done);
}

const portOfAsync = async (file: string) => {
  return readPort(file);
};

// A parameter the wrapper cannot forward by its name: its callback API cannot be kept.
export function readEntry({ file }: { file: string }, cb: Callback<string>) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text);
  });
}
