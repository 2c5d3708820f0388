export async function report() {
  const users = await db.users.count();
  const orders = await db.orders.count();
  const rate = await exchange.rate('EUR');
  return { users, orders, rate };
}
