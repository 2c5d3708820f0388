import cases from './cases/return-await';
import { runRuleCases } from './rule-tester';

runRuleCases('return-await', cases);
