import cases from './cases/prefer-promise-reject-errors';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-promise-reject-errors', cases);
