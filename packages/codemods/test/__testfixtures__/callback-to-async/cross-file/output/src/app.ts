import { readLines, readText, size } from './store.js';

export async function firstLine(file: string) {
  const lines = await readLines(file);
  console.log(lines?.[0]);
}

export async function report(file: string) {
  return size(file);
}

export function show(file: string) {
  readText(file).then((text) => {
    console.log(text);
  }, (err) => {
    console.error(err);
  });
}
