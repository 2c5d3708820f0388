import cases from './cases/no-uncancelled-race';
import { runRuleCases } from './rule-tester';

runRuleCases('no-uncancelled-race', cases);
