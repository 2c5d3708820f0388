declare function expand(url: string): Promise<string[]>;

export async function crawl(start: string) {
  const queue: string[] = [start];
  queue.forEach(async (url) => {
    queue.push(...(await expand(url)));
  });
}
