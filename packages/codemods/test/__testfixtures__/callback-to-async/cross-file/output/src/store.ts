import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

/** The text of a file, trimmed. */
export async function readText(file: string) {
  const text = await fs.promises.readFile(file, 'utf8');
  return text.trim();
}

/** The lines of a file. */
export async function readLines(file: string) {
  if (!file) throw new Error('no file');
  const text = await readText(file);
  return (text ?? '').split('\n');
}

export const size = async (file: string) => {
  return fs.promises.stat(file);
};
