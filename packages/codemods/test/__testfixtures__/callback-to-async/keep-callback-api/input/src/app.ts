import { portOf, readConfig } from './config';

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

export function describePort(file: string, cb: (err: Error | null, text?: string) => void) {
  portOf(file, (err, port) => {
    if (err) return cb(err);
    cb(null, `port ${port}`);
  });
}
