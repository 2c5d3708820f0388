import { z } from 'zod';

export function parseName(input: unknown) {
  return z.string().catch('anonymous').parse(input);
}

export function later(client: { get(): { then(f: (v: number) => void): void } }) {
  return client.get().then((value) => value);
}

export function rows(db: any) {
  return db.query('select 1').then((result: { rows: unknown[] }) => result.rows);
}
