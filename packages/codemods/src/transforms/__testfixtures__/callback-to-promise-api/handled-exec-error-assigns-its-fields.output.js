import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

export async function version(bin, log) {
  let out, errOut
  try {
    ;({ stdout: out, stderr: errOut } = await promisify(execFile)(bin, ['--version']))
  } catch (err) {
    throw new Error(`${bin} is not installed`, { cause: err })
  }
  log(out.trim(), errOut)
}
