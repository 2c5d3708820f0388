import cases from './cases/await-thenable';
import { runRuleCases } from './rule-tester';

runRuleCases('await-thenable', cases);
