export async function report() {
  const users = await db.users.count();
  const [orders, rate] = await Promise.all([
    db.orders.count(),
    exchange.rate('EUR'),
  ]);
  return { users, orders, rate };
}
