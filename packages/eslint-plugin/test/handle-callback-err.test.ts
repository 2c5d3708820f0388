import cases from './cases/handle-callback-err';
import { runRuleCases } from './rule-tester';

runRuleCases('handle-callback-err', cases);
