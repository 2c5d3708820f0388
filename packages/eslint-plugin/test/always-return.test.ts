import cases from './cases/always-return';
import { runRuleCases } from './rule-tester';

runRuleCases('always-return', cases);
