import { execFile } from 'node:child_process'

export async function version(bin, log) {
  execFile(bin, ['--version'], (err, out, errOut) => {
    if (err) {
      throw new Error(`${bin} is not installed`, { cause: err })
    }
    log(out.trim(), errOut)
  })
}
