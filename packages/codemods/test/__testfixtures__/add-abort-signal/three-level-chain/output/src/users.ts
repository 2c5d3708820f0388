import { getJson, getLater, getText } from './http.js';

// On the chain but reaching no abortable call: left as it is, and called as before.
async function cacheKey(id: string): Promise<string> {
  return `user:${id}`;
}

export const loadUser = async (id: string, options?: { signal?: AbortSignal }) => {
  const key = await cacheKey(id);
  const user = await getJson(`https://api.test/users/${id}`, { signal: options?.signal });
  const bio = await getText(`https://api.test/users/${id}/bio`, { retries: 2, signal: options?.signal });
  const later = await getLater(`https://api.test/users/${id}/later`, { signal: options?.signal });
  return { key, user, bio, later };
};
