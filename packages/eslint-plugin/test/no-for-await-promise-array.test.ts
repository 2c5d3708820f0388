import cases from './cases/no-for-await-promise-array';
import { runRuleCases } from './rule-tester';

runRuleCases('no-for-await-promise-array', cases);
