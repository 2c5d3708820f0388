export async function getUser(id: string, ms: number) {
  const response = await fetch(`https://api.example.com/users/${id}`, { signal: AbortSignal.timeout(ms) });
  return response.json();
}
