import cases from './cases/no-async-iterator-leak';
import { runRuleCases } from './rule-tester';

runRuleCases('no-async-iterator-leak', cases);
