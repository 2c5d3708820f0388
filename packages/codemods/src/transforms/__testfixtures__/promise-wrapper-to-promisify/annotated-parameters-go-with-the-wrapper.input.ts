import fs from 'node:fs';

export function readText(path: string): Promise<string> {
  return new Promise<string>((resolve: (text: string) => void, reject: (error: Error) => void): void => {
    fs.readFile(path, 'utf8', (err: NodeJS.ErrnoException | null, text: string): void => {
      if (err) return reject(err);
      resolve(text);
    });
  });
}
