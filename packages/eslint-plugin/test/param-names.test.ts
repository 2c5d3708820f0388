import cases from './cases/param-names';
import { runRuleCases } from './rule-tester';

runRuleCases('param-names', cases);
