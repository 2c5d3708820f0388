import rule from '../../src/rules/no-new-statics';
import { defineRuleCases } from '../rule-tester';

const removeNew = (name: string, output: string) => [{ messageId: 'removeNew' as const, data: { name }, output }];

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      'export const p = Promise.resolve(1);',
      'export const p = new Promise((resolve) => resolve(1));',
      // Not a static of Promise, or not the built-in Promise.
      'export const p = new Promise.Foo();',
      'import Promise from "bluebird";\nexport const p = new Promise.resolve(1);',
      'declare const lib: { resolve: new (x: number) => object };\nexport const p = new lib.resolve(1);',
    ],
    invalid: [
      {
        code: 'export const p = new Promise.resolve(1);',
        errors: [{ messageId: 'avoidNewStatic', data: { name: 'resolve' }, line: 1, column: 18, suggestions: removeNew('resolve', 'export const p = Promise.resolve(1);') }],
      },
      {
        code: 'export const p = new Promise.all([fetch("/a"), fetch("/b")]);',
        errors: [{ messageId: 'avoidNewStatic', suggestions: removeNew('all', 'export const p = Promise.all([fetch("/a"), fetch("/b")]);') }],
      },
      {
        // A comment after `new` stays.
        code: 'export const p = new /* why */ Promise.reject(new Error("x"));',
        errors: [{ messageId: 'avoidNewStatic', suggestions: removeNew('reject', 'export const p = /* why */ Promise.reject(new Error("x"));') }],
      },
      {
        // Without arguments the call's parentheses are added.
        code: 'export const p = new Promise.withResolvers;',
        errors: [{ messageId: 'avoidNewStatic', suggestions: removeNew('withResolvers', 'export const p = Promise.withResolvers();') }],
      },
      {
        code: 'export const p = new Promise.allSettled([]), q = new Promise.any([]), r = new Promise.race([]), s = new Promise.try(() => 1);',
        errors: [
          { messageId: 'avoidNewStatic', suggestions: removeNew('allSettled', 'export const p = Promise.allSettled([]), q = new Promise.any([]), r = new Promise.race([]), s = new Promise.try(() => 1);') },
          { messageId: 'avoidNewStatic', suggestions: removeNew('any', 'export const p = new Promise.allSettled([]), q = Promise.any([]), r = new Promise.race([]), s = new Promise.try(() => 1);') },
          { messageId: 'avoidNewStatic', suggestions: removeNew('race', 'export const p = new Promise.allSettled([]), q = new Promise.any([]), r = Promise.race([]), s = new Promise.try(() => 1);') },
          { messageId: 'avoidNewStatic', suggestions: removeNew('try', 'export const p = new Promise.allSettled([]), q = new Promise.any([]), r = new Promise.race([]), s = Promise.try(() => 1);') },
        ],
      },
    ],
  },
  {
    host: 'espree',
    valid: ['export const p = Promise.resolve(1);'],
    invalid: [{ code: 'export const p = new Promise.resolve(1);', errors: [{ messageId: 'avoidNewStatic', suggestions: removeNew('resolve', 'export const p = Promise.resolve(1);') }] }],
  },
]);
