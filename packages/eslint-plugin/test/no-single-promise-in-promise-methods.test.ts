import cases from './cases/no-single-promise-in-promise-methods';
import { runRuleCases } from './rule-tester';

runRuleCases('no-single-promise-in-promise-methods', cases);
