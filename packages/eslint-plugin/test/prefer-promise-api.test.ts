import cases from './cases/prefer-promise-api';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-promise-api', cases);
