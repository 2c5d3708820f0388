import { stat } from 'node:fs/promises';

export const sizeOf = (path) => stat(path).then((info) => info.size);
