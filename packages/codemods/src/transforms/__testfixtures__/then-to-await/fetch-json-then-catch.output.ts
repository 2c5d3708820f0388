export async function loadUser(id: string): Promise<unknown> {
  try {
    const response = await fetch(`/users/${id}`);
    return await response.json();
  } catch {
    return null;
  }
}
