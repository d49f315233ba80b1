/** Regenerate the README's option reference from the schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { COMMANDS } from '../src/cli/main.ts';
import { renderReadme } from '../src/cli/docs.ts';

const path = new URL('../README.md', import.meta.url);
writeFileSync(path, renderReadme(readFileSync(path, 'utf8'), COMMANDS));
console.log('README.md options regenerated');
