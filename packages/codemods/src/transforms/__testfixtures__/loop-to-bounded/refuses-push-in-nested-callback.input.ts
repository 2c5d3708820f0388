declare function download(url: string): Promise<string | null>;
declare function linksOf(page: string): string[];

export async function releases(root: string, dirs: string[]) {
  const found: string[] = [];
  for (const dir of dirs) {
    const page = await download(`${root}/${dir}`);
    if (page) {
      // Pushed from a callback, in the order the downloads finish under a bounded map.
      linksOf(page).forEach((link) => found.push(link));
    }
  }
  return found;
}
