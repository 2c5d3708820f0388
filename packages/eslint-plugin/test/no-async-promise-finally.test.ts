import cases from './cases/no-async-promise-finally';
import { runRuleCases } from './rule-tester';

runRuleCases('no-async-promise-finally', cases);
