export interface Store {
  load(key: string): Promise<string>;
}

export async function overloaded(key: string): Promise<string>;
export async function overloaded(key: number): Promise<string>;
export async function overloaded(key: string | number): Promise<string> {
  const response = await fetch(`https://store.test/${key}`);
  return response.text();
}

export async function mapped(key: string): Promise<string> {
  const response = await fetch(`https://store.test/${key}`);
  return response.text();
}

export async function spread(key: string): Promise<string> {
  const response = await fetch(`https://store.test/${key}`);
  return response.text();
}

interface Options {
  retries: number;
}

export async function namedOptions(key: string, options: Options): Promise<string> {
  const response = await fetch(`https://store.test/${key}?retries=${options.retries}`);
  return response.text();
}

export async function signalIsAName(key: string, signal: string): Promise<string> {
  const response = await fetch(`https://store.test/${key}/${signal}`);
  return response.text();
}

export async function rest(...keys: string[]): Promise<string[]> {
  return Promise.all(keys.map((key) => fetch(`https://store.test/${key}`).then((r) => r.text())));
}

export async function opaque(key: string, init: RequestInit): Promise<string> {
  const response = await fetch(`https://store.test/${key}`, init);
  return response.text();
}

export const table = { mapped };
