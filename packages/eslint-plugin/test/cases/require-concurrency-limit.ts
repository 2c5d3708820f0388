import rule from '../../src/rules/require-concurrency-limit';
import { defineRuleCases } from '../rule-tester';

// Run by ESLint's RuleTester (require-concurrency-limit.test.ts) and linted as files by ESLint and
// oxlint alike (test/integration/oxlint.test.ts).
export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      "import pMap from 'p-map';\nexport const load = (ids: string[]) => pMap(ids, get, { concurrency: 8 });",
      "import pLimit from 'p-limit';\nexport const limit = pLimit(4);",
      "import PQueue from 'p-queue';\nexport const queue = new PQueue({ concurrency: 2 });",
      "import { mapLimit } from 'async';\nmapLimit(ids, 4, get, done);",
      "import async from 'async';\nasync.eachSeries(ids, get, done);",
      // bound-not-shown: a bound the code passes through is the caller's choice.
      "import pMap from 'p-map';\nexport const load = (ids: string[], concurrency: number) => pMap(ids, get, { concurrency });",
      "import pMap from 'p-map';\nexport const load = (ids: string[], options: Options) => pMap(ids, get, options);",
      // rate-limited: a queue bounded by rate.
      "import Bottleneck from 'bottleneck';\nexport const limiter = new Bottleneck({ minTime: 200 });",
      "import PQueue from 'p-queue';\nexport const queue = new PQueue({ interval: 1000, intervalCap: 10 });",
      // Not the package: a local pMap, the user's own each.
      'const pMap = (xs: string[], fn: (x: string) => unknown) => xs.map(fn);\npMap(ids, get);',
      "import { each } from './collections';\neach(ids, get);",
      // Stream methods run one at a time by default.
      "import { Readable } from 'node:stream';\nReadable.from(ids).map(get);",
    ],
    invalid: [
      {
        code: "import pMap from 'p-map';\nexport const load = (ids: string[]) => pMap(ids, get);",
        errors: [{ messageId: 'defaultInfinite', data: { name: 'pMap', hint: '{ concurrency: 8 }' }, line: 2, column: 40 }],
      },
      {
        code: "import pMap from 'p-map';\nexport const load = (ids: string[]) => pMap(ids, get, { stopOnError: false });",
        errors: [{ messageId: 'defaultInfinite', data: { name: 'pMap', hint: '{ concurrency: 8 }' } }],
      },
      {
        code: "const pLimit = require('p-limit');\nconst limit = pLimit(Infinity);",
        errors: [{ messageId: 'writtenInfinite', data: { name: 'pLimit', hint: '8' }, line: 2, column: 15 }],
      },
      {
        code: "import pLimit from 'p-limit';\nexport const limit = pLimit();",
        errors: [{ messageId: 'missingBound', data: { name: 'pLimit', hint: '8' } }],
      },
      {
        code: "import PQueue from 'p-queue';\nexport const queue = new PQueue();",
        errors: [{ messageId: 'defaultInfinite', data: { name: 'PQueue', hint: '{ concurrency: 8 }' } }],
      },
      {
        code: "import Bottleneck from 'bottleneck';\nexport const limiter = new Bottleneck({ maxConcurrent: Number.POSITIVE_INFINITY });",
        errors: [{ messageId: 'writtenInfinite', data: { name: 'Bottleneck', hint: '{ maxConcurrent: 8 }' } }],
      },
      {
        code: "import async from 'async';\nasync.each(ids, get, done);",
        errors: [{ messageId: 'unboundedName', data: { name: 'async.each', bounded: 'eachLimit' }, line: 2, column: 1 }],
      },
      {
        code: "import { map } from 'async';\nmap(ids, get, done);",
        errors: [{ messageId: 'unboundedName', data: { name: 'map', bounded: 'mapLimit' } }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ["const pMap = require('p-map');\nmodule.exports = (ids) => pMap(ids, get, { concurrency: 4 });"],
    invalid: [
      {
        code: "const async = require('async');\nasync.parallel(tasks, done);",
        errors: [{ messageId: 'unboundedName', data: { name: 'async.parallel', bounded: 'parallelLimit' } }],
      },
    ],
  },
]);
