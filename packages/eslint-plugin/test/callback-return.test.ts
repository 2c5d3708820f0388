import cases from './cases/callback-return';
import { runRuleCases } from './rule-tester';

runRuleCases('callback-return', cases);
