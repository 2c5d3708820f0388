import cases from './cases/prefer-array-from-async';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-array-from-async', cases);
