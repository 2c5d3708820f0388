import cases from './cases/no-async-promise-executor';
import { runRuleCases } from './rule-tester';

runRuleCases('no-async-promise-executor', cases);
