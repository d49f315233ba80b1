/** Run the CLI as a function with captured output, or as a real process. */
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  process.exitCode = 0;
  return { code, stdout, stderr };
}

export function runProcess(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${ROOT}bin/sybilscope.js`, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
