import cases from './cases/no-floating-promises';
import { runRuleCases } from './rule-tester';

runRuleCases('no-floating-promises', cases);
