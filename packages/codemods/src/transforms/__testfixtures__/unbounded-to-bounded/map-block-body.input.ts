declare function fetchText(url: string): Promise<string>;

export async function sizes(urls: readonly string[]) {
  const lengths = await Promise.all(
    urls.map(async (url) => {
      // the body is read whole
      const text = await fetchText(url);
      return text.length;
    }),
  );
  return lengths;
}
