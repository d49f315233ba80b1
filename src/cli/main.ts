/**
 * The command line: dispatch to a command, print user errors on one line
 * with a non-zero exit, never a stack trace for a mistake the user can fix.
 */
import type { z } from 'zod';
import { VERSION } from '../version.ts';
import { UserError } from '../util/errors.ts';
import { helpText, parseCommand, type Command, type Io } from './command.ts';
import { attributeCommand } from './commands/attribute.ts';
import { buildCommand } from './commands/build.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { generateCommand } from './commands/generate.ts';
import { reportCommand } from './commands/report.ts';
import { viewCommand } from './commands/view.ts';

export const COMMANDS: Command<z.ZodObject>[] = [buildCommand, generateCommand, evaluateCommand, viewCommand, reportCommand, attributeCommand] as unknown as Command<z.ZodObject>[];

const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

function usage(): string {
  const lines = ['sybilscope: find coordinated groups of accounts in API logs', '', 'Commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `sybilscope COMMAND --help` for its options.');
  return lines.join('\n') + '\n';
}

/** Run the CLI; returns the exit code and sets process.exitCode. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const code = await dispatch(argv, io);
  process.exitCode = code;
  return code;
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`sybilscope: unknown command "${name}"; commands are ${COMMANDS.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(helpText(command));
    return 0;
  }
  try {
    return await command.run(parseCommand(command, rest), io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`sybilscope ${name}: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return error.code === 'E_USAGE' ? 2 : 1;
    }
    throw error;
  }
}
