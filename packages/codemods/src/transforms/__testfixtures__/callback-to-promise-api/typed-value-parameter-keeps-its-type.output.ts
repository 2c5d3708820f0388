import * as fs from 'fs';

export async function checksum(path: string, onSum: (sum: number) => void): Promise<void> {
  const data: Buffer = await fs.promises.readFile(path);
  let sum = 0;
  for (const byte of data) sum = (sum + byte) % 65521;
  onSum(sum);
}
