import { boundedMap } from '../../../lib/asyncwise-limit.js';
interface Page {
  readonly url: string;
  readonly body: string;
}

declare function fetchPage(url: string): Promise<Page>;

export async function crawl(urls: readonly string[]): Promise<Page[]> {
  const pages: Page[] = await boundedMap(urls, 8, async (url) => {
    // each page is fetched on its own
    const page = await fetchPage(url);
    return page;
  });
  return pages;
}
