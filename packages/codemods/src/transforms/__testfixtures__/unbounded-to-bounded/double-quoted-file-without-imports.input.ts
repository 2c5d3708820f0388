// No import to copy the quotes from: the helper's import takes the quotes the file's strings use.
// An apostrophe inside a double-quoted string does not count: it may have picked them to avoid escaping.
export async function fetchAll(urls: string[]) {
  return Promise.all(urls.map(async (url) => {
    const response = await fetch(url, { headers: { accept: "text/html" } });
    return response.text();
  }));
}

export const hint = "it's fetched";
