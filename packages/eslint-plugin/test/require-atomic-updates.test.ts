import cases from './cases/require-atomic-updates';
import { runRuleCases } from './rule-tester';

runRuleCases('require-atomic-updates', cases);
