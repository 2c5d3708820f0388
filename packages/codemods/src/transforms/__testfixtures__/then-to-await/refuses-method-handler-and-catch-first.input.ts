declare const logger: { error(e: unknown): void };

export function save(p: Promise<number>) {
  return p.then((n) => n * 2).catch(logger.error);
}

export function retry(p: Promise<number>) {
  return p.catch(() => 0).then((n) => n + 1);
}
