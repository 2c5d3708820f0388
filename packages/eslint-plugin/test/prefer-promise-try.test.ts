import cases from './cases/prefer-promise-try';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-promise-try', cases);
