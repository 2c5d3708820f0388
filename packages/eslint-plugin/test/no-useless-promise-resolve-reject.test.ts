import cases from './cases/no-useless-promise-resolve-reject';
import { runRuleCases } from './rule-tester';

runRuleCases('no-useless-promise-resolve-reject', cases);
