import cases from './cases/prefer-abort-signal-timeout';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-abort-signal-timeout', cases);
