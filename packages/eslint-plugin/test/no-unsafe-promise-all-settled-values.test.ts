import cases from './cases/no-unsafe-promise-all-settled-values';
import { runRuleCases } from './rule-tester';

runRuleCases('no-unsafe-promise-all-settled-values', cases);
