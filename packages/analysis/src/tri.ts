/**
 * Three-valued answers. "Unknown" is an answer: a rule about floating promises fires only on `'yes'`,
 * one about needless awaits only on `'no'`, and both stay quiet on `'unknown'`.
 */
export type Tri = 'yes' | 'no' | 'unknown';

/** `'yes'` if any answer is `'yes'`, `'no'` if all are `'no'`, else `'unknown'`. */
export function anyYes(answers: Iterable<Tri>): Tri {
  let sawUnknown = false;
  for (const a of answers) {
    if (a === 'yes') return 'yes';
    if (a === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : 'no';
}
