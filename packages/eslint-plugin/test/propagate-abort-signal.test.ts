import cases from './cases/propagate-abort-signal';
import { runRuleCases } from './rule-tester';

runRuleCases('propagate-abort-signal', cases);
