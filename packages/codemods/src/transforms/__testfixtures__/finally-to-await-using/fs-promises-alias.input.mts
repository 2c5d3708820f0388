import { promises as fsp } from 'fs';

export const readHeader = async (path: string) => {
  const handle = await fsp.open(path, 'r');
  try {
    return (await handle.readFile('utf8')).split('\n', 1)[0];
  } finally {
    await handle.close();
  }
};
