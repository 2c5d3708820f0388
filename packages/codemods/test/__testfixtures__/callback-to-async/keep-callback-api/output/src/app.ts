import { portOf, readConfig } from './config';
import { callbackify } from 'node:util';

// A caller of a function that keeps its callback API: left as it is.
export function show(file: string) {
  readConfig(file, (err, config) => {
    if (err) {
      console.error(err.message);
      return;
    }
    console.log(config);
  });
}

export function describePort(file: string): Promise<string>;
export function describePort(file: string, cb: (err: Error | null, text?: string) => void): void;
export function describePort(file: string, cb?: (err: Error | null, text?: string) => void) {
  return cb === undefined ? describePortAsync(file) : callbackify(describePortAsync)(file, cb);
}

async function describePortAsync(file: string) {
  const port = await portOf(file);
  return `port ${port}`;
}
