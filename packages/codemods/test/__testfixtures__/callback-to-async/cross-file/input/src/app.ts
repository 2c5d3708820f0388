import { readLines, readText, size } from './store.js';

export async function firstLine(file: string) {
  readLines(file, (err, lines) => {
    if (err) throw err;
    console.log(lines?.[0]);
  });
}

export function report(file: string, done: (err: Error | null, value?: number) => void) {
  size(file, done);
}

export function show(file: string) {
  readText(file, (err, text) => {
    if (err) {
      console.error(err);
      return;
    }
    console.log(text);
  });
}
