/** `sybilscope report`: a build's clusters as documents (HTML, Markdown, JSON, CSV, PDF) and exports (STIX 2.1, GEXF, GraphML). */
import { ReportOptionsSchema, writeReports, type ReportProgress } from '../../report/index.ts';
import { UserError } from '../../util/errors.ts';
import { fmtInt, plural } from '../../util/format.ts';
import type { Command, Io } from '../command.ts';

/** Progress on a terminal: stage, done of total, elapsed. */
function reportProgress(io: Io): ReportProgress & { done(): void } {
  const start = performance.now();
  let stage = '';
  let total = 0;
  let last = 0;
  const show = (done: number) => {
    if (!io.isTTY) return;
    const now = performance.now();
    if (done !== total && now - last < 100) return;
    last = now;
    const secs = ((now - start) / 1000).toFixed(1);
    io.stderr(`\r\x1b[K${stage}${total > 0 ? ` · ${fmtInt(done)}/${fmtInt(total)}` : ''} · ${secs}s`);
  };
  return {
    stage(name, n) {
      stage = name;
      total = n;
      show(0);
    },
    step: show,
    done() {
      if (io.isTTY) io.stderr('\r\x1b[K');
    },
  };
}

export const reportCommand: Command<typeof ReportOptionsSchema> = {
  name: 'report',
  summary: 'write reports of a build’s clusters to DIR/reports/: HTML, Markdown, JSON, members CSV, STIX 2.1, GEXF, GraphML, PDF',
  usage: 'sybilscope report DIR [--top N] [--min-risk R] [--format F]... [--pdf]',
  schema: ReportOptionsSchema,
  positional: 'dir',
  async run(options, io) {
    if (options.pdf && !options.format.includes('html'))
      throw new UserError('E_USAGE', '--pdf renders the HTML reports; add --format html (see --help)');
    const progress = options.quiet ? undefined : reportProgress(io);
    const result = await writeReports(options, progress);
    progress?.done();
    if (!options.quiet)
      io.stdout(`${plural(result.clusters.length, 'cluster')} of ${fmtInt(result.total)} reported · ${plural(result.files.length, 'file')} → ${result.path}\n`);
    return 0;
  },
};
