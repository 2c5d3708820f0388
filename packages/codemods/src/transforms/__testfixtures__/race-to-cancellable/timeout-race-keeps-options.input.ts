export async function createOrder(body: string) {
  return Promise.race([
    fetch('https://api.example.com/orders', { method: 'POST', body }),
    new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error('order timed out')), 5_000);
    }),
  ]);
}
