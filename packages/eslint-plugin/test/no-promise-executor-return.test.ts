import cases from './cases/no-promise-executor-return';
import { runRuleCases } from './rule-tester';

runRuleCases('no-promise-executor-return', cases);
