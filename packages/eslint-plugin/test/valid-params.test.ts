import cases from './cases/valid-params';
import { runRuleCases } from './rule-tester';

runRuleCases('valid-params', cases);
