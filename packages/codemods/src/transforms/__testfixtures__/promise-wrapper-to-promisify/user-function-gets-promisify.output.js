import { loadRow } from './db.js';
import { promisify } from 'node:util';

export function row(id) {
  return promisify(loadRow)(id, { fresh: true });
}
