import cases from './cases/no-multiple-resolved';
import { runRuleCases } from './rule-tester';

runRuleCases('no-multiple-resolved', cases);
