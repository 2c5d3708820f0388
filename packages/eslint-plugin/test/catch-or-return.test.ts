import cases from './cases/catch-or-return';
import { runRuleCases } from './rule-tester';

runRuleCases('catch-or-return', cases);
