// No import to copy the quotes from: the helper's import takes the quotes the file's strings use.
export async function fetchAll(urls) {
  const pages = [];
  for (const url of urls) {
    const response = await fetch(url, { headers: { accept: "text/html" } });
    pages.push(await response.text());
  }
  return pages;
}

export const mode = "pages";
