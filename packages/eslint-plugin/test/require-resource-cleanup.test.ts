import cases from './cases/require-resource-cleanup';
import { runRuleCases } from './rule-tester';

runRuleCases('require-resource-cleanup', cases);
