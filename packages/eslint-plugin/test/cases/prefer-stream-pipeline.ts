import rule from '../../src/rules/prefer-stream-pipeline';
import { defineRuleCases } from '../rule-tester';

const cjs = { languageOptions: { parserOptions: { sourceType: 'script' as const } } };

export default defineRuleCases(rule, [
  {
    host: 'syntax',
    valid: [
      // RxJS's pipe: nothing shows a Node stream, and the member name `pipe` proves nothing.
      "import { of, map } from 'rxjs';\nexport const doubled = of(1, 2).pipe(map((x) => x * 2));\ndoubled.pipe(map((x) => x + 1));",
      // A gulp-style chain: no stream of it is shown to be Node's.
      "import gulp from 'gulp';\nimport babel from 'gulp-babel';\nexport const build = () => gulp.src('src/*.js').pipe(babel()).pipe(gulp.dest('dist'));",
      // every-stream-handles-errors: each stream has an `error` listener.
      "import fs from 'node:fs';\nimport zlib from 'node:zlib';\nexport function pack(src: string, dst: string, fail: (err: Error) => void) {\n  fs.createReadStream(src).on('error', fail)\n    .pipe(zlib.createGzip()).on('error', fail)\n    .pipe(fs.createWriteStream(dst)).on('error', fail);\n}",
      // every-stream-handles-errors, with the listeners added through the streams' names.
      "const fs = require('fs');\nfunction copy(a, b, done) {\n  const input = fs.createReadStream(a);\n  const output = fs.createWriteStream(b);\n  input.on('error', done);\n  output.on('error', done).on('finish', () => done());\n  input.pipe(output);\n}\nmodule.exports = copy;",
      // every-stream-handles-errors: a wrapper whose streams all reject on their errors, listened to by statements after the chain.
      "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  return new Promise((resolve, reject) => {\n    const input = fs.createReadStream(a);\n    const output = fs.createWriteStream(b);\n    input.pipe(output);\n    input.on('error', reject);\n    output.on('error', reject);\n    output.on('finish', resolve);\n  });\n}",
      // every-stream-handles-errors: the pipe is a statement of its own and the new Promise after it rejects on both streams' errors.
      "import fs from 'node:fs';\nexport async function download(response: { data: NodeJS.ReadableStream & { on(e: string, f: (err: Error) => void): unknown } }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  response.data.pipe(writer);\n  return new Promise((resolve, reject) => {\n    response.data.on('error', reject);\n    writer.on('finish', resolve);\n    writer.on('error', reject);\n  });\n}",
      // result-used-as-stream: the chain's last stream is returned, and the caller may handle its errors.
      "import fs from 'node:fs';\nimport zlib from 'node:zlib';\nexport function gzipped(path: string) {\n  return fs.createReadStream(path).pipe(zlib.createGzip());\n}",
      // result-used-as-stream: handed to another call.
      "import fs from 'node:fs';\nimport zlib from 'node:zlib';\nexport function send(path: string, reply: (body: NodeJS.ReadableStream) => void) {\n  reply(fs.createReadStream(path).pipe(zlib.createGzip()));\n}",
      // stream-handled-elsewhere: the stream without a listener is given to `finished`, which takes its error.
      "const fs = require('fs');\nconst { finished } = require('stream');\nfunction copy(a, b, done) {\n  const input = fs.createReadStream(a);\n  input.pipe(fs.createWriteStream(b).on('error', done));\n  finished(input, done);\n}\nmodule.exports = copy;",
      // A user function called createReadStream is not Node's.
      "function createReadStream() { return { pipe: (x: unknown) => x }; }\ncreateReadStream().pipe(null);",
      // `fs` shadowed by a parameter.
      "import fs from 'node:fs';\nexport function open(fs: { createReadStream(p: string): { pipe(d: unknown): void } }, out: unknown) {\n  fs.createReadStream('a').pipe(out);\n}",
    ],
    invalid: [
      {
        code: "const fs = require('fs');\nconst zlib = require('zlib');\nasync function compress(src, dst) {\n  fs.createReadStream(src).pipe(zlib.createGzip()).pipe(fs.createWriteStream(dst)).on('finish', () => {\n    console.log('done');\n  });\n}\nmodule.exports = compress;",
        ...cjs,
        errors: [
          {
            messageId: 'preferStreamPipeline',
            line: 4,
            column: 28,
            data: { streams: '`fs.createReadStream(src)`, `zlib.createGzip()` and `fs.createWriteStream(dst)` have' },
            suggestions: [
              {
                messageId: 'suggestPipeline',
                output: "const fs = require('fs');\nconst zlib = require('zlib');\nconst { pipeline } = require('stream/promises');\nasync function compress(src, dst) {\n  await pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(dst));\n  console.log('done');\n}\nmodule.exports = compress;",
              },
            ],
          },
        ],
      },
      {
        // Handled errors become a `catch` around the await; the finish listener's body follows it.
        code: "import fs from 'node:fs';\nimport { createGzip } from 'node:zlib';\nexport async function compress(src: string, dst: string, log: (line: unknown) => void) {\n  const gz = fs.createReadStream(src).on('error', (err) => log(err)).pipe(createGzip());\n  gz.pipe(fs.createWriteStream(dst)).on('error', (err) => log(err)).on('finish', () => log('written'));\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            line: 4,
            column: 70,
            data: { streams: '`createGzip()` has' },
            suggestions: [
              {
                messageId: 'suggestPipeline',
                output: "import fs from 'node:fs';\nimport { createGzip } from 'node:zlib';\nimport { pipeline } from 'node:stream/promises';\nexport async function compress(src: string, dst: string, log: (line: unknown) => void) {\n  try {\n    await pipeline(fs.createReadStream(src), createGzip(), fs.createWriteStream(dst));\n  } catch (err) {\n    log(err);\n    return;\n  }\n  log('written');\n}",
              },
            ],
          },
        ],
      },
      {
        // A callback parameter as both listeners: called with the caught error, or after the await.
        code: "const fs = require('node:fs');\nconst stream = require('node:stream');\nasync function copy(a, b, done) {\n  fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', done).on('finish', done);\n}\nmodule.exports = copy;",
        ...cjs,
        errors: [
          {
            messageId: 'preferStreamPipeline',
            data: { streams: '`fs.createReadStream(a)` has' },
            suggestions: [
              {
                messageId: 'suggestPipeline',
                output: "const fs = require('node:fs');\nconst stream = require('node:stream');\nasync function copy(a, b, done) {\n  try {\n    await stream.promises.pipeline(fs.createReadStream(a), fs.createWriteStream(b));\n  } catch (err) {\n    done(err);\n    return;\n  }\n  done();\n}\nmodule.exports = copy;",
              },
            ],
          },
        ],
      },
      {
        // A forwarding listener (it only rethrows) becomes the rejection.
        code: "import { createReadStream, createWriteStream } from 'fs';\nimport { pipeline as pump } from 'stream';\nexport async function save(from: string, to: string) {\n  createReadStream(from).pipe(createWriteStream(to)).on('error', (err) => {\n    throw err;\n  });\n}\nexport { pump };",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            data: { streams: '`createReadStream(from)` has' },
            suggestions: [
              {
                messageId: 'suggestPipeline',
                output: "import { createReadStream, createWriteStream } from 'fs';\nimport { pipeline as pump } from 'stream';\nimport { pipeline } from 'stream/promises';\nexport async function save(from: string, to: string) {\n  await pipeline(createReadStream(from), createWriteStream(to));\n}\nexport { pump };",
              },
            ],
          },
        ],
      },
      {
        // A `new Promise` that only settles on the chain's finish and errors becomes `pipeline(…)` itself.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  await new Promise((resolve, reject) => {\n    fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', resolve);\n  });\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            data: { streams: '`fs.createReadStream(a)` has' },
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "import fs from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nexport async function copy(a: string, b: string) {\n  await pipeline(fs.createReadStream(a), fs.createWriteStream(b));\n}",
              },
            ],
          },
        ],
      },
      {
        // A returned `new Promise` resolving the target on finish: `await pipeline(…)`, then the target, read once the copy finished.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  return new Promise((resolve, reject) => {\n    fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', () => resolve(b));\n  });\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "import fs from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nexport async function copy(a: string, b: string) {\n  await pipeline(fs.createReadStream(a), fs.createWriteStream(b));\n  return b;\n}",
              },
            ],
          },
        ],
      },
      {
        // A wrapper used as a value resolving a file stream's path, which it never changes: `pipeline(…).then(() => value)`.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  const out = fs.createWriteStream(b);\n  const done = new Promise((resolve, reject) => {\n    fs.createReadStream(a).pipe(out).on('error', reject).on('finish', () => resolve(out.path));\n  });\n  return done;\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "import fs from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nexport async function copy(a: string, b: string) {\n  const out = fs.createWriteStream(b);\n  const done = pipeline(fs.createReadStream(a), out).then(() => out.path);\n  return done;\n}",
              },
            ],
          },
        ],
      },
      {
        // The download helper: the executor makes the destination and listens by statements after the chain; the declaration moves out.
        code: "import fs from 'node:fs';\nimport type { Readable } from 'node:stream';\nexport async function save(response: Readable, dest: string) {\n  return new Promise((resolve, reject) => {\n    const out = fs.createWriteStream(dest);\n    response.pipe(out);\n    out.on('close', () => resolve(dest));\n    out.on('error', reject);\n  });\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            line: 6,
            column: 14,
            data: { streams: '`response` has' },
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "import fs from 'node:fs';\nimport type { Readable } from 'node:stream';\nimport { pipeline } from 'node:stream/promises';\nexport async function save(response: Readable, dest: string) {\n  const out = fs.createWriteStream(dest);\n  await pipeline(response, out);\n  return dest;\n}",
              },
            ],
          },
        ],
      },
      {
        // `file.close(resolve)` in the file's own finish listener settles on its close, as pipeline does; the close call hands the file to no other code.
        code: "const fs = require('fs');\nasync function save(response, dest) {\n  await new Promise((resolve, reject) => {\n    const file = fs.createWriteStream(dest);\n    response.pipe(file);\n    file.on('finish', () => file.close(resolve));\n  });\n}\nmodule.exports = save;",
        ...cjs,
        errors: [
          {
            messageId: 'preferStreamPipeline',
            data: { streams: '`response` and `file` have' },
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "const fs = require('fs');\nconst { pipeline } = require('stream/promises');\nasync function save(response, dest) {\n  const file = fs.createWriteStream(dest);\n  await pipeline(response, file);\n}\nmodule.exports = save;",
              },
            ],
          },
        ],
      },
      {
        // handler-not-supported: with autoClose false, `file.close(…)` is what closes the descriptor.
        code: "import fs from 'node:fs';\nexport async function save(response: NodeJS.ReadableStream, dest: string) {\n  await new Promise((resolve, reject) => {\n    const file = fs.createWriteStream(dest, { autoClose: false });\n    response.pipe(file);\n    file.on('finish', () => file.close(resolve));\n    file.on('error', reject);\n  });\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // executor-does-more: the log ran while the streams flowed.
        code: "import fs from 'node:fs';\nexport async function save(response: NodeJS.ReadableStream, dest: string, log: (line: string) => void) {\n  await new Promise((resolve, reject) => {\n    const out = fs.createWriteStream(dest);\n    log(dest);\n    response.pipe(out);\n    out.on('finish', resolve);\n    out.on('error', reject);\n  });\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // settled-elsewhere: a timer rejects the promise too.
        code: "import fs from 'node:fs';\nexport async function save(response: NodeJS.ReadableStream, dest: string) {\n  await new Promise((resolve, reject) => {\n    const out = fs.createWriteStream(dest);\n    setTimeout(() => reject(new Error('timed out')), 1000);\n    response.pipe(out);\n    out.on('finish', resolve);\n    out.on('error', reject);\n  });\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // handler-not-supported: the value is the stream's state (`bytesWritten`), which `pipeline`'s destroy and later settling could change.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  const out = fs.createWriteStream(b);\n  return new Promise((resolve, reject) => {\n    fs.createReadStream(a).pipe(out).on('error', reject).on('finish', () => resolve(out.bytesWritten));\n  });\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // handler-not-supported: the value names the executor's `reject`, which the rewrite removes.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  return new Promise((resolve, reject) => {\n    fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', () => resolve(reject));\n  });\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // The statements adding the same error listener to the streams' names go with the chain into one catch.
        code: "import fs from 'node:fs';\nimport zlib from 'node:zlib';\nexport async function pack(a: string, b: string, fail: (err: unknown) => void) {\n  const input = fs.createReadStream(a);\n  const output = fs.createWriteStream(b);\n  input.on('error', fail);\n  output.on('error', fail);\n  input.pipe(zlib.createGzip()).pipe(output);\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            data: { streams: '`zlib.createGzip()` has' },
            suggestions: [
              {
                messageId: 'suggestPipeline',
                output: "import fs from 'node:fs';\nimport zlib from 'node:zlib';\nimport { pipeline } from 'node:stream/promises';\nexport async function pack(a: string, b: string, fail: (err: unknown) => void) {\n  const input = fs.createReadStream(a);\n  const output = fs.createWriteStream(b);\n  try {\n    await pipeline(input, zlib.createGzip(), output);\n  } catch (err) {\n    fail(err);\n  }\n}",
              },
            ],
          },
        ],
      },
      {
        // stream-used-elsewhere: the statement listens for `end` too, which is more than an error handler.
        code: "import fs from 'node:fs';\nimport zlib from 'node:zlib';\nexport async function pack(a: string, b: string, fail: (err: unknown) => void) {\n  const input = fs.createReadStream(a);\n  input.on('error', fail).on('end', () => console.log('read'));\n  input.pipe(zlib.createGzip()).pipe(fs.createWriteStream(b)).on('error', fail);\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // not-awaitable-here: the wrapper is in a function that is not async, where a stream that throws while made would throw instead of rejecting.
        code: "const fs = require('fs');\nfunction copy(a, b) {\n  return new Promise((resolve, reject) => {\n    fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('error', reject).on('finish', resolve);\n  });\n}\nmodule.exports = copy;",
        ...cjs,
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // not-awaitable-here: a sync function with a callback; reported, no suggestion.
        code: "const fs = require('fs');\nfunction copy(a, b, cb) {\n  fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('finish', cb);\n}\nmodule.exports = copy;",
        ...cjs,
        errors: [{ messageId: 'preferStreamPipeline', data: { streams: '`fs.createReadStream(a)` and `fs.createWriteStream(b)` have' }, suggestions: [] }],
      },
      {
        // A library's stream piped into a Node one: the destination shows the chain is a stream pipe.
        code: "import fs from 'node:fs';\nimport archiver from 'archiver';\nexport function zip(dir: string, to: string) {\n  const archive = archiver('zip');\n  archive.pipe(fs.createWriteStream(to));\n  archive.directory(dir, false);\n  return archive.finalize();\n}",
        errors: [{ messageId: 'preferStreamPipeline', data: { streams: '`fs.createWriteStream(to)` has' }, suggestions: [] }],
      },
      {
        // code-after-pipe: the function goes on while the streams flow; no suggestion.
        code: "import fs from 'node:fs';\nexport async function tee(src: string, dst: string) {\n  fs.createReadStream(src).pipe(fs.createWriteStream(dst));\n  console.log('started');\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // The download shape: the pipe, then a new Promise that only listens on the file, becomes one awaited pipeline.
        code: "import fs from 'node:fs';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  response.data.pipe(writer);\n  return new Promise((resolve, reject) => {\n    writer.on('finish', resolve);\n    writer.on('error', reject);\n  });\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            line: 4,
            column: 17,
            data: { streams: '`response.data` has' },
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "import fs from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  await pipeline(response.data, writer);\n}",
              },
            ],
          },
        ],
      },
      {
        // The same shape awaited, resolving on the file's close with a value: the code after the await still runs once the file is written.
        code: "import fs from 'node:fs';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  response.data.pipe(writer);\n  const path = await new Promise((resolve, reject) => {\n    writer.on('close', () => resolve(dest)).on('error', reject);\n  });\n  console.log(path);\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "import fs from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  const path = await pipeline(response.data, writer).then(() => dest);\n  console.log(path);\n}",
              },
            ],
          },
        ],
      },
      {
        // code-after-pipe: a log between the pipe and the new Promise ran while the data flowed.
        code: "import fs from 'node:fs';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  response.data.pipe(writer);\n  console.log('downloading');\n  return new Promise((resolve, reject) => {\n    writer.on('finish', resolve);\n    writer.on('error', reject);\n  });\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // The axios docs' error flag: set only where the promise is rejected, the file closing itself on error; it settles as pipeline does.
        code: "import fs from 'node:fs';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  response.data.pipe(writer);\n  return new Promise((resolve, reject) => {\n    let error: Error | null = null;\n    writer.on('error', (err) => {\n      error = err;\n      writer.close();\n      reject(err);\n    });\n    writer.on('close', () => {\n      if (!error) resolve(true);\n    });\n  });\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            suggestions: [
              {
                messageId: 'suggestPipelinePromise',
                output: "import fs from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  await pipeline(response.data, writer);\n  return true;\n}",
              },
            ],
          },
        ],
      },
      {
        // executor-does-more: the flag is read by more than the guard (an else that logs it).
        code: "import fs from 'node:fs';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string, log: (e: Error) => void) {\n  const writer = fs.createWriteStream(dest);\n  response.data.pipe(writer);\n  return new Promise((resolve, reject) => {\n    let error: Error | null = null;\n    writer.on('error', (err) => {\n      error = err;\n      reject(err);\n    });\n    writer.on('close', () => {\n      if (!error) resolve(true);\n      else log(error);\n    });\n  });\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // stream-used-elsewhere: the file is read after the promise settled.
        code: "import fs from 'node:fs';\nexport async function download(response: { data: NodeJS.ReadableStream }, dest: string) {\n  const writer = fs.createWriteStream(dest);\n  response.data.pipe(writer);\n  await new Promise((resolve, reject) => {\n    writer.on('finish', resolve);\n    writer.on('error', reject);\n  });\n  return writer.bytesWritten;\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // unsupported-option: `{ end: false }` keeps process.stdout open.
        code: "import fs from 'node:fs';\nexport async function cat(path: string) {\n  fs.createReadStream(path).pipe(process.stdout, { end: false });\n}",
        errors: [{ messageId: 'preferStreamPipeline', data: { streams: '`fs.createReadStream(path)` and `process.stdout` have' }, suggestions: [] }],
      },
      {
        // ends-process-stream: `.pipe()` never ends process.stdout, `pipeline` does, and later output would be lost.
        code: "import fs from 'node:fs';\nexport async function cat(path: string) {\n  fs.createReadStream(path).pipe(process.stdout);\n}",
        errors: [{ messageId: 'preferStreamPipeline', data: { streams: '`fs.createReadStream(path)` and `process.stdout` have' }, suggestions: [] }],
      },
      {
        // A file stream's `close`, with its errors unhandled (they ended the process): pipeline settles after it, so the body moves after the await.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  fs.createReadStream(a).pipe(fs.createWriteStream(b)).on('close', () => console.log('closed'));\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            suggestions: [
              {
                messageId: 'suggestPipeline',
                output: "import fs from 'node:fs';\nimport { pipeline } from 'node:stream/promises';\nexport async function copy(a: string, b: string) {\n  await pipeline(fs.createReadStream(a), fs.createWriteStream(b));\n  console.log('closed');\n}",
              },
            ],
          },
        ],
      },
      {
        // handler-not-supported: a socket's `close` is not waited for by pipeline, and follows an error too.
        code: "import fs from 'node:fs';\nimport net from 'node:net';\nexport async function send(a: string, port: number) {\n  fs.createReadStream(a).pipe(net.connect(port)).on('close', () => console.log('sent'));\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // handler-not-supported: the file stream handles its errors, and its `close` ran after them too.
        code: "import fs from 'node:fs';\nimport zlib from 'node:zlib';\nexport async function pack(a: string, b: string, log: (x: unknown) => void) {\n  fs.createReadStream(a).pipe(zlib.createGzip()).pipe(fs.createWriteStream(b)).on('error', log).on('close', () => log('closed'));\n}",
        errors: [{ messageId: 'preferStreamPipeline', suggestions: [] }],
      },
      {
        // error-handlers-differ: one catch cannot keep two different handlers.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  fs.createReadStream(a).on('error', () => console.log('read failed')).pipe(fs.createWriteStream(b)).on('error', () => console.log('write failed')).pipe(process.stdout);\n}",
        errors: [{ messageId: 'preferStreamPipeline', data: { streams: '`process.stdout` has' }, suggestions: [] }],
      },
      {
        // stream-used-elsewhere: the source is also listened to by a statement of its own.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  const input = fs.createReadStream(a);\n  input.on('data', (chunk) => console.log(chunk.length));\n  input.pipe(fs.createWriteStream(b));\n}",
        errors: [{ messageId: 'preferStreamPipeline', data: { streams: '`input` and `fs.createWriteStream(b)` have' }, suggestions: [] }],
      },
      {
        // would-drop-comment: a comment on a listener the rewrite removes.
        code: "import fs from 'node:fs';\nexport async function copy(a: string, b: string) {\n  fs.createReadStream(a)\n    .pipe(fs.createWriteStream(b))\n    // one handler for both\n    .on('finish', () => console.log('copied'));\n}",
        errors: [{ messageId: 'preferStreamPipeline', line: 4, column: 6, suggestions: [] }],
      },
    ],
  },
  {
    host: 'typed',
    valid: [
      // A user class with a `pipe` method is no Node stream, typed or not.
      "class Flow { pipe(next: Flow) { return next; } }\nexport function join(a: Flow, b: Flow) {\n  a.pipe(b);\n}",
    ],
    invalid: [
      {
        // With types, parameters declared as Node streams are shown.
        code: "import type { Readable, Writable } from 'node:stream';\nexport function send(source: Readable, target: Writable) {\n  source.pipe(target);\n}",
        errors: [{ messageId: 'preferStreamPipeline', data: { streams: '`source` and `target` have' }, suggestions: [] }],
      },
    ],
  },
  {
    host: 'espree',
    valid: ["import { of, map } from 'rxjs';\nof(1).pipe(map((x) => x));"],
    invalid: [
      {
        code: "import fs from 'fs';\nexport async function copy(a, b) {\n  fs.createReadStream(a).pipe(fs.createWriteStream(b))\n}",
        errors: [
          {
            messageId: 'preferStreamPipeline',
            suggestions: [
              {
                messageId: 'suggestPipeline',
                output: "import fs from 'fs';\nimport { pipeline } from 'stream/promises';\nexport async function copy(a, b) {\n  await pipeline(fs.createReadStream(a), fs.createWriteStream(b))\n}",
              },
            ],
          },
        ],
      },
    ],
  },
]);
