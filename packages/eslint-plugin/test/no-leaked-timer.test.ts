import cases from './cases/no-leaked-timer';
import { runRuleCases } from './rule-tester';

runRuleCases('no-leaked-timer', cases);
