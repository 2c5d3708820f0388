export function loadUser(id: string): Promise<unknown> {
  return fetch(`/users/${id}`)
    .then((response) => response.json())
    .catch(() => null);
}
