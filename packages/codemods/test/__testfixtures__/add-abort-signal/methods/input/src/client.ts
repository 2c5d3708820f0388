import { readFile } from 'node:fs/promises';

/** A class whose methods are reached through `this` and through an instance. */
export class Client {
  constructor(private readonly base: string) {}

  async get(path: string): Promise<string> {
    const response = await fetch(this.base + path);
    return response.text();
  }

  async getJson(path: string): Promise<unknown> {
    return JSON.parse(await this.get(path));
  }
}

/** An object literal's method. */
export const config = {
  async load(file: string): Promise<string> {
    // A string where the options go is the `encoding` option: it becomes `{ encoding, signal }`.
    return readFile(file, 'utf8');
  },
};
