/** `sybilscope generate`: a synthetic dataset with planted groups and its truth. */
import { generate, GenerateOptionsSchema } from '../../generate/index.ts';
import type { Command } from '../command.ts';

export const generateCommand: Command<typeof GenerateOptionsSchema> = {
  name: 'generate',
  summary: 'write a realistic synthetic dataset (events, accounts, truth.json, actors.json) with planted groups',
  usage: 'sybilscope generate --out DIR [--seed N] [--events N] [--days N] [--keys N] [--week N]',
  schema: GenerateOptionsSchema,
  async run(options, io) {
    const result = await generate(options);
    io.stdout(
      `wrote ${result.events} events, ${result.keys} keys, ${result.accounts} accounts → ` +
        `${result.files.events}, ${result.files.accounts}, ${result.files.truth}, ${result.files.actors}\n`,
    );
    return 0;
  },
};
