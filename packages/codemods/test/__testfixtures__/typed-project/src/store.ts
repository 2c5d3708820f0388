// Declarations the typed cases read: what each value is, the checker knows and the syntax does not.
export interface User {
  readonly id: string;
  readonly name: string;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  return (await response.json()) as T;
}

/** A loader made by a factory: its calls return promises, which only inference shows. */
function makeLoader<T>(base: string) {
  return (id: string) => fetchJson<T>(`${base}/${id}`);
}

export const loadUser = makeLoader<User>('/users');

/** Promises kept in a map: `get` returns what the map's type argument says. */
export const pending = new Map<string, Promise<User>>();

/** A query builder: thenable, but not a promise; its `then` runs the query when called. */
export class Query<Row> {
  constructor(private readonly table: string) {}
  where(column: string, value: string): Query<Row> {
    return new Query<Row>(`${this.table} where ${column} = ${value}`);
  }
  then<R>(onRows: (rows: Row[]) => R): Query<R> {
    onRows([]);
    return new Query<R>(this.table);
  }
}

export const users = () => new Query<User>('users');

/** A jQuery-style deferred: `then` and `done`, callbacks run synchronously once resolved. */
export interface Deferred<T> {
  then<R>(done: (value: T) => R): Deferred<R>;
  done(callback: (value: T) => void): Deferred<T>;
}

export declare function ajax<T>(url: string): Deferred<T>;

/** A schema with a `catch` method, as zod's: no thenable at all. */
export interface Schema<T> {
  parse(value: unknown): T;
  catch(fallback: T): Schema<T>;
}

export declare const nameSchema: Schema<string>;
