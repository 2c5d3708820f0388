import { getJson, getLater, getText } from './http.js';

// On the chain but reaching no abortable call: left as it is, and called as before.
async function cacheKey(id: string): Promise<string> {
  return `user:${id}`;
}

export const loadUser = async (id: string) => {
  const key = await cacheKey(id);
  const user = await getJson(`https://api.test/users/${id}`);
  const bio = await getText(`https://api.test/users/${id}/bio`, { retries: 2 });
  const later = await getLater(`https://api.test/users/${id}/later`);
  return { key, user, bio, later };
};
