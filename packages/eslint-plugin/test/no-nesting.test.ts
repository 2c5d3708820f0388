import cases from './cases/no-nesting';
import { runRuleCases } from './rule-tester';

runRuleCases('no-nesting', cases);
