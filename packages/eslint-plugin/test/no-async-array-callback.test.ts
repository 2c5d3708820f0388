import cases from './cases/no-async-array-callback';
import { runRuleCases } from './rule-tester';

runRuleCases('no-async-array-callback', cases);
