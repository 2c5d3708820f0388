import cases from './cases/prefer-promise-all';
import { runRuleCases } from './rule-tester';

// The cases are data (./cases/prefer-promise-all.ts) so the oxlint parity test can lint them as files too.
runRuleCases('prefer-promise-all', cases);
