import cases from './cases/require-concurrency-limit';
import { runRuleCases } from './rule-tester';

runRuleCases('require-concurrency-limit', cases);
