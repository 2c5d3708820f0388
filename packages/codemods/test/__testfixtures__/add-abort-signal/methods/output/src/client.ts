import { readFile } from 'node:fs/promises';

/** A class whose methods are reached through `this` and through an instance. */
export class Client {
  constructor(private readonly base: string) {}

  async get(path: string, options?: { signal?: AbortSignal }): Promise<string> {
    const response = await fetch(this.base + path, { signal: options?.signal });
    return response.text();
  }

  async getJson(path: string, options?: { signal?: AbortSignal }): Promise<unknown> {
    return JSON.parse(await this.get(path, { signal: options?.signal }));
  }
}

/** An object literal's method. */
export const config = {
  async load(file: string, options?: { signal?: AbortSignal }): Promise<string> {
    // A string where the options go is the `encoding` option: it becomes `{ encoding, signal }`.
    return readFile(file, { encoding: 'utf8', signal: options?.signal });
  },
};
