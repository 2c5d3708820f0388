import cases from './cases/prefer-await-to-then';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-await-to-then', cases);
