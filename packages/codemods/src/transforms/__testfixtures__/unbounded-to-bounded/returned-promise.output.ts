import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function remove(key: string): Promise<void>;

export function clear(keys: string[]): Promise<void[]> {
  return boundedMap(keys, 8, async (key) => remove(key));
}
