import rule from '../../src/rules/spec-only';
import { defineRuleCases } from '../rule-tester';

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const p = [Promise.all, Promise.allSettled, Promise.any, Promise.race, Promise.resolve, Promise.reject, Promise.withResolvers];',
      // Promise.try is standard (ES2025); eslint-plugin-promise reports it.
      'export const p = Promise.try(() => 1);',
      'export const then = [Promise.prototype.then, Promise.prototype.catch, Promise.prototype.finally];',
      'export const species = Promise[Symbol.species];',
      // A library's own Promise.
      'import Promise from "bluebird";\nexport const p = Promise.map([1], (n) => n);',
      { code: 'export const p = Promise.map([1], (n) => n);', options: [{ allowedMethods: ['map'] }] },
    ],
    invalid: [
      { code: 'export const p = Promise.map([1], (n) => n);', errors: [{ messageId: 'avoidNonStandard', data: { name: 'map' }, line: 1, column: 18 }] },
      { code: 'export const p = Promise["delay"](10);', errors: [{ messageId: 'avoidNonStandard', data: { name: 'delay' } }] },
      { code: 'Promise.prototype.done = function () {};', errors: [{ messageId: 'avoidNonStandard', data: { name: 'prototype' } }] },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = Promise.resolve(1);'],
    invalid: [{ code: 'export const p = Promise.props({});', errors: [{ messageId: 'avoidNonStandard' }] }],
  },
]);
