import cases from './cases/prefer-top-level-await';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-top-level-await', cases);
