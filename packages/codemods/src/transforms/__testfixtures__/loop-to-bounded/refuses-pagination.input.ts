declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;

export async function all(pages: number[]) {
  let cursor: string | null = null;
  const items: string[] = [];
  for (const _page of pages) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    cursor = result.next;
  }
  return items;
}
