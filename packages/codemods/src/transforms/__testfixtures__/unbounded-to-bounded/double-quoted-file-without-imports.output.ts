// No import to copy the quotes from: the helper's import takes the quotes the file's strings use.
// An apostrophe inside a double-quoted string does not count: it may have picked them to avoid escaping.
import { boundedMap } from "../../../lib/asyncwise-limit.js";
export async function fetchAll(urls: string[]) {
  return boundedMap(urls, 8, async (url) => {
    const response = await fetch(url, { headers: { accept: "text/html" } });
    return response.text();
  });
}

export const hint = "it's fetched";
