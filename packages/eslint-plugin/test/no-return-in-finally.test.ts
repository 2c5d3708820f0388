import cases from './cases/no-return-in-finally';
import { runRuleCases } from './rule-tester';

runRuleCases('no-return-in-finally', cases);
