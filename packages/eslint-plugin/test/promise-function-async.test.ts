import cases from './cases/promise-function-async';
import { runRuleCases } from './rule-tester';

runRuleCases('promise-function-async', cases);
