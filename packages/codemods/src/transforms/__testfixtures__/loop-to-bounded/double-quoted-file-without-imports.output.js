// No import to copy the quotes from: the helper's import takes the quotes the file's strings use.
import { boundedMap } from "../../../lib/asyncwise-limit.js";
export async function fetchAll(urls) {
  const pages = await boundedMap(urls, 8, async (url) => {
    const response = await fetch(url, { headers: { accept: "text/html" } });
    return await response.text();
  });
  return pages;
}

export const mode = "pages";
