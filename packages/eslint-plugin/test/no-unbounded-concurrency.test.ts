import cases from './cases/no-unbounded-concurrency';
import { runRuleCases } from './rule-tester';

runRuleCases('no-unbounded-concurrency', cases);
