import cases from './cases/prefer-promise-static-methods';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-promise-static-methods', cases);
