declare function check(url: string, position: number): Promise<void>;

export async function checkLinks(links: string[]) {
  for (let i = 0; i < links.length; i++) {
    await check(links[i], i);
  }
}
