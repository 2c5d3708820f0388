import cases from './cases/no-await-expression-member';
import { runRuleCases } from './rule-tester';

runRuleCases('no-await-expression-member', cases);
