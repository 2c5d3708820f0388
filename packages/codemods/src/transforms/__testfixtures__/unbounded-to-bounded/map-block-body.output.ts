import { boundedMap } from '../../../lib/asyncwise-limit.js';
declare function fetchText(url: string): Promise<string>;

export async function sizes(urls: readonly string[]) {
  const lengths = await boundedMap(urls, 8, async (url) => {
    // the body is read whole
    const text = await fetchText(url);
    return text.length;
  });
  return lengths;
}
