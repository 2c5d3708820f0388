import cases from './cases/no-misused-promises';
import { runRuleCases } from './rule-tester';

runRuleCases('no-misused-promises', cases);
