import { getJson, getText } from './http.js';

export const loadUser = async (id: string, options?: { signal?: AbortSignal }) => {
  const user = await getJson(`https://api.test/users/${id}`, { signal: options?.signal });
  const bio = await getText(`https://api.test/users/${id}/bio`, { retries: 2, signal: options?.signal });
  return { user, bio };
};
