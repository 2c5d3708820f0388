import { boundedMap } from '../../../lib/asyncwise-limit.js';
interface Order {
  readonly id: string;
  readonly total: number;
}

declare function charge(id: string, position: number): Promise<void>;
declare function skip(id: string): Promise<void>;

export async function settle(orders: Order[]) {
  // The index and the early return are fine in the bounded form: each call stays a call.
  await boundedMap(orders, 8, async (order, position) => {
    if (order.total === 0) {
      await skip(order.id);
      return;
    }
    await charge(order.id, position);
  });
  console.log('settled');
}
