export async function createOrder(body: string) {
  return fetch('https://api.example.com/orders', { method: 'POST', body, signal: AbortSignal.timeout(5_000) });
}
