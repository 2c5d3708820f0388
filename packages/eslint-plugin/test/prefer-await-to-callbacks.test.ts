import cases from './cases/prefer-await-to-callbacks';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-await-to-callbacks', cases);
