import { promises as fsp } from 'fs';

export const readHeader = async (path: string) => {
  await using handle = await fsp.open(path, 'r');
  return (await handle.readFile('utf8')).split('\n', 1)[0];
};
