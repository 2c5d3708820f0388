import fs from 'node:fs';

export async function printLength(path: string): Promise<void> {
  const data: Buffer = await fs.promises.readFile(path);
  console.log(data.length);
}
