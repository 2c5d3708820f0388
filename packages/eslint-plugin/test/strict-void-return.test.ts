import cases from './cases/strict-void-return';
import { runRuleCases } from './rule-tester';

runRuleCases('strict-void-return', cases);
