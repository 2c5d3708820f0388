import cases from './cases/prefer-await-using';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-await-using', cases);
