import crypto from 'node:crypto';
import { promisify } from 'node:util';

export async function hashPassword(password: string, salt: Buffer) {
  const key = await promisify(crypto.scrypt)(password, salt, 64);
  return key.toString('hex');
}
