import { ajax, nameSchema, users, type User } from './store';

// A query builder is thenable, not a promise: its `then` runs the query when called, not later.
export function userCount() {
  return users().where('active', 'yes').then((rows) => rows.length);
}

// A jQuery-style deferred runs its callbacks at once when resolved; `await` would wait a tick.
export function profile(id: string) {
  return ajax<User>(`/users/${id}`).then((user) => user.name);
}

// zod's `.catch` is no promise method at all.
export function lenientName() {
  return nameSchema.catch('anonymous');
}
