import cases from './cases/no-await-in-promise-methods';
import { runRuleCases } from './rule-tester';

runRuleCases('no-await-in-promise-methods', cases);
