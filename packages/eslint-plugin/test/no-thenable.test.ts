import cases from './cases/no-thenable';
import { runRuleCases } from './rule-tester';

runRuleCases('no-thenable', cases);
