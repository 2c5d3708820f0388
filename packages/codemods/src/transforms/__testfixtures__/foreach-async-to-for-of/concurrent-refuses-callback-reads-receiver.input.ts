declare function fetchMore(id: string): Promise<string[]>;

export async function crawl(queue: string[]) {
  // forEach starts every call before any resumes; a bounded map starts later ones after earlier ones changed queue.
  queue.forEach(async (id) => {
    queue.push(...(await fetchMore(id)));
  });
}
