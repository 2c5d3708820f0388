import { stat } from 'node:fs/promises';

export const sizeOf = async (path) => {
  const info = await stat(path);
  return info.size;
};
