import cases from './cases/spec-only';
import { runRuleCases } from './rule-tester';

runRuleCases('spec-only', cases);
