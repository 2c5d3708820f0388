import cases from './cases/prefer-abort-signal-any';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-abort-signal-any', cases);
