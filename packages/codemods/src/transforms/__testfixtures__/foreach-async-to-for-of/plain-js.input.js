export async function warm(urls) {
  const list = Array.from(urls);
  list.forEach(async function (url) {
    await fetch(url);
  });
}
