import cases from './cases/no-sync-in-async';
import { runRuleCases } from './rule-tester';

runRuleCases('no-sync-in-async', cases);
