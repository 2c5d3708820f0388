import cases from './cases/require-await';
import { runRuleCases } from './rule-tester';

runRuleCases('require-await', cases);
