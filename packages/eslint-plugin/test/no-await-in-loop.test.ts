import cases from './cases/no-await-in-loop';
import { runRuleCases } from './rule-tester';

runRuleCases('no-await-in-loop', cases);
