/**
 * eslint-plugin-unicorn 80 needs Node 22.13 (`Set.prototype.union`, iterator helpers, …) and this
 * repo runs on Node 20, where loading its rules throws. The peers' measurement (i) loads these
 * core-js entries first; each installs only what the running Node lacks, so on Node 22+ nothing
 * changes, and on Node 20 unicorn runs on polyfills where it would run on built-ins, which can only
 * make the peers' set slower (the bench says so beside the b/i ratio).
 */
import 'core-js/actual/set/index.js';
import 'core-js/actual/iterator/index.js';
import 'core-js/actual/object/group-by.js';
import 'core-js/actual/array/from-async.js';
import 'core-js/actual/promise/with-resolvers.js';
import 'core-js/actual/regexp/escape.js';
