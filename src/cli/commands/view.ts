/** `sybilscope view`: serve the built viewer and one run's view files until Ctrl-C. */
import { z } from 'zod';
import { DEFAULT_VIEWER_DIR, isLoopback, startViewServer } from '../../view/index.ts';
import type { Command, Io } from '../command.ts';

export const ViewOptionsSchema = z
  .object({
    dir: z.string().min(1).describe('a build’s output folder (holding view/)'),
    port: z.number().int().min(0).max(65535).optional().describe('port to listen on (default: a free port)'),
    host: z.string().min(1).default('127.0.0.1').describe('address to bind; the data is sensitive, so loopback unless you mean otherwise'),
    viewer: z.string().min(1).optional().describe('the built viewer folder (default: viewer/dist, made by `npm run build:viewer`)'),
  })
  .strict();

export type ViewCliOptions = z.infer<typeof ViewOptionsSchema>;

/** Resolves on the first SIGINT or SIGTERM, then stops listening for them. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** Serve until `stop` resolves; returns the exit code. */
export async function runView(options: ViewCliOptions, io: Io, stop: Promise<unknown>): Promise<number> {
  const server = await startViewServer({ out: options.dir, viewerDir: options.viewer ?? DEFAULT_VIEWER_DIR, host: options.host, port: options.port ?? 0 });
  if (!isLoopback(options.host))
    io.stderr(`sybilscope view: listening on ${options.host}, not loopback: anyone who can reach it can read this run's IPs, accounts and templates\n`);
  io.stdout(`sybilscope view: serving ${options.dir} at ${server.url} (Ctrl-C to stop)\n`);
  await stop;
  await server.close();
  io.stdout('sybilscope view: stopped\n');
  return 0;
}

export const viewCommand: Command<typeof ViewOptionsSchema> = {
  name: 'view',
  summary: 'serve the viewer and a build’s view files on 127.0.0.1 until Ctrl-C',
  usage: 'sybilscope view DIR [--port N] [--host H]',
  schema: ViewOptionsSchema,
  positional: 'dir',
  run: (options, io) => runView(options, io, untilSignal()),
};
