/**
 * Three-valued answers. "Unknown" is an answer: a rule about floating promises fires only on `'yes'`,
 * one about needless awaits only on `'no'`, and both stay quiet on `'unknown'`.
 */
export type Tri = 'yes' | 'no' | 'unknown';
