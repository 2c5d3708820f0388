import { fetch } from './http-client';

export async function either(a: string, b: string) {
  return Promise.race([fetch(a), fetch(b)]);
}
