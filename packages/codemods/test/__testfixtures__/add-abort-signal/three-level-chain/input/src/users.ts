import { getJson, getText } from './http.js';

export const loadUser = async (id: string) => {
  const user = await getJson(`https://api.test/users/${id}`);
  const bio = await getText(`https://api.test/users/${id}/bio`, { retries: 2 });
  return { user, bio };
};
