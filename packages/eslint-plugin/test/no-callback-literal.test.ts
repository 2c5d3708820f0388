import cases from './cases/no-callback-literal';
import { runRuleCases } from './rule-tester';

runRuleCases('no-callback-literal', cases);
