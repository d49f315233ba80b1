#!/usr/bin/env node
// The sybilscope command. TypeScript sources run through tsx's loader.
//
// V8's default heap limit is ~4 GiB whatever the machine: a build over
// millions of keys outgrows it, and long before the out-of-memory crash the
// garbage collector thrashes. So `build` and `attribute` re-run themselves once
// with a limit of 3/4 of the machine's memory, unless a limit was given
// (`--max-old-space-size` in NODE_OPTIONS or on node's command line). The
// re-run also gets a 64 MiB young generation semi-space (V8's default is 16):
// the stages after ingest allocate short-lived objects against a heap of
// millions of long-lived ones, and a bigger nursery lets fewer of them reach
// the old generation, whose collections mark the whole heap (docs/scale.md:
// 8% of a 4M-event build). A semi-space size given on node's command line or
// in NODE_OPTIONS wins.
import { spawn } from 'node:child_process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';

const HEAVY = new Set(['build', 'attribute']);
const args = process.argv.slice(2);
const wantMiB = Math.floor((totalmem() * 0.75) / 2 ** 20);
const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'));
if (HEAVY.has(args[0]) && !given && getHeapStatistics().heap_size_limit / 2 ** 20 < wantMiB * 0.9) {
  const semi = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('semi-space-size')) ? [] : ['--max-semi-space-size=64'];
  const child = spawn(process.execPath, [`--max-old-space-size=${wantMiB}`, ...semi, ...process.execArgv, process.argv[1], ...args], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    else process.exit(code ?? 1);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  await main(args);
}
