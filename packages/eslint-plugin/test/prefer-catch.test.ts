import cases from './cases/prefer-catch';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-catch', cases);
