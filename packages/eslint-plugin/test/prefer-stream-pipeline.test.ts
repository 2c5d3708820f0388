import cases from './cases/prefer-stream-pipeline';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-stream-pipeline', cases);
