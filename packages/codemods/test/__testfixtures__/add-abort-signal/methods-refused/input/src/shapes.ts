export interface Loader {
  load(key: string): Promise<string>;
}

/** Implements an interface's member: every implementation would need the signal. */
export class HttpLoader implements Loader {
  async load(key: string): Promise<string> {
    return (await fetch(`https://store.test/${key}`)).text();
  }
}

export class Base {
  async fetchPage(url: string): Promise<string> {
    return (await fetch(url)).text();
  }
}

/** Overrides a base class's method, which is itself overridden: both would need the signal. */
export class Cached extends Base {
  override async fetchPage(url: string): Promise<string> {
    return (await fetch(url, { cache: 'force-cache' })).text();
  }
}

export class Mirror {
  async fetchPage(url: string): Promise<string> {
    return (await fetch(url.replace('https://', 'https://mirror.'))).text();
  }
}

/** An object literal written as a declared type's value. */
export const memory: Loader = {
  async load(key: string): Promise<string> {
    return (await fetch(`memory://${key}`)).text();
  },
};
