interface Page {
  readonly url: string;
  readonly body: string;
}

declare function fetchPage(url: string): Promise<Page>;

export async function crawl(urls: readonly string[]): Promise<Page[]> {
  const pages: Page[] = [];
  for (const url of urls) {
    // each page is fetched on its own
    const page = await fetchPage(url);
    pages.push(page);
  }
  return pages;
}
