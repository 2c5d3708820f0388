export async function loadDashboard(userId: string) {
  const [user, orders] = (await Promise.allSettled([
    api.getUser(userId),
    api.getOrders(userId),
  ])).map((r) => (r.status === 'fulfilled' ? r.value : r.reason));
  return { user, orders };
}
