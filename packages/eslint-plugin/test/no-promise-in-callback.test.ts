import cases from './cases/no-promise-in-callback';
import { runRuleCases } from './rule-tester';

runRuleCases('no-promise-in-callback', cases);
