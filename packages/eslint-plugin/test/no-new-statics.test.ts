import cases from './cases/no-new-statics';
import { runRuleCases } from './rule-tester';

runRuleCases('no-new-statics', cases);
