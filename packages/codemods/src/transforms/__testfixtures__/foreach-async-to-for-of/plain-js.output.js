export async function warm(urls) {
  const list = Array.from(urls);
  for (const url of list) {
    await fetch(url);
  }
}
