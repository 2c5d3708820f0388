import cases from './cases/require-timeout';
import { runRuleCases } from './rule-tester';

runRuleCases('require-timeout', cases);
