import { Effect } from 'effect';
import fse from 'fs-extra';

class Cache {
  readFileSync(key: string) {
    return key;
  }

  async get(key: string) {
    return this.readFileSync(key);
  }
}

export async function run(program: Effect.Effect<string>) {
  const fromEffect = Effect.runSync(program);
  return fse.readFileSync(fromEffect, 'utf8') + new Cache().get(fromEffect);
}
