import cases from './cases/no-return-wrap';
import { runRuleCases } from './rule-tester';

runRuleCases('no-return-wrap', cases);
