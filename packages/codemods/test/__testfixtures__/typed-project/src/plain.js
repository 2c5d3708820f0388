// Not in the program (no allowJs): read without types.
import { loadUser } from './store';

export function userName(id) {
  return loadUser(id).then((user) => user.name);
}
