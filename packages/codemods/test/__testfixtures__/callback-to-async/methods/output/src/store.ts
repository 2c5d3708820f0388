import * as fs from 'node:fs';

type Callback<T> = (err: Error | null, value?: T) => void;

export class Store {
  constructor(private readonly dir: string) {}

  /** One entry's text. */
  async read(key: string) {
    const text = await fs.promises.readFile(`${this.dir}/${key}`, 'utf8');
    return text;
  }

  /** One entry, parsed. */
  async readJson(key: string) {
    const text = await this.read(key);
    return JSON.parse(text ?? 'null');
  }

  static async open(dir: string) {
    await fs.promises.stat(dir);
    return new Store(dir);
  }
}

export const sizes = {
  async of(file: string) {
    const stats = await fs.promises.stat(file);
    return stats.size;
  },
};
