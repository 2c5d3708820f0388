import cases from './cases/prefer-queue-microtask';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-queue-microtask', cases);
