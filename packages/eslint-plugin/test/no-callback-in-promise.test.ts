import cases from './cases/no-callback-in-promise';
import { runRuleCases } from './rule-tester';

runRuleCases('no-callback-in-promise', cases);
