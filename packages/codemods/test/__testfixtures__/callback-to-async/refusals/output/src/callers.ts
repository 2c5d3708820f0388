import { handler, logged, spread, used } from './lib.js';

export const table = { handler };

export function viaSpread(args: [string, (err: Error | null, value?: string) => void]) {
  spread(...args);
}

export function keep() {
  const result = used('x', (err, value) => {
    if (err) throw err;
    console.log(value);
  });
  return result;
}

export function print() {
  logged('x', (err, value) => console.log(err, value));
}
