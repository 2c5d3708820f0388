import cases from './cases/prefer-promise-with-resolvers';
import { runRuleCases } from './rule-tester';

runRuleCases('prefer-promise-with-resolvers', cases);
