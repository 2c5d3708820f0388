export async function loadDashboard(userId: string) {
  const user = await api.getUser(userId);
  const orders = await api.getOrders(userId);
  return { user, orders };
}
