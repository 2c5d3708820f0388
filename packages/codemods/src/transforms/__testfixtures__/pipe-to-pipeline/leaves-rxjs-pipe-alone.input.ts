import { from, map, filter } from 'rxjs';

export async function evens(values: number[]): Promise<void> {
  from(values).pipe(filter((v) => v % 2 === 0)).pipe(map((v) => v * 10));
}
