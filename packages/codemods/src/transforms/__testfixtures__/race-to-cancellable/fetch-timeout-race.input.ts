export async function getUser(id: string, ms: number) {
  const response = await Promise.race([
    fetch(`https://api.example.com/users/${id}`),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms)),
  ]);
  return response.json();
}
