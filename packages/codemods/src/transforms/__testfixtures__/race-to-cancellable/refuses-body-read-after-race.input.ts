export async function fastest(a: string, b: string) {
  const response = await Promise.race([fetch(a), fetch(b)]);
  return response.json();
}
