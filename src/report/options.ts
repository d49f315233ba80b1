/** Options of `sybilscope report`: one schema for the flags, their defaults, `--help` and the README. */
import { z } from 'zod';
import { DEFAULT_CHROMIUM } from '../util/chromium.ts';

/** Per-cluster documents and run-level exports that `report` can write. */
export const REPORT_FORMATS = ['html', 'md', 'json', 'csv', 'stix', 'gexf', 'graphml'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportOptionsSchema = z
  .object({
    dir: z.string().min(1).describe('a build’s output folder; reports go to DIR/reports/ (replaced atomically)'),
    top: z.number().int().min(1).optional().describe('only the N highest-ranked clusters (default: all)'),
    minRisk: z.number().min(0).max(1).default(0).describe('only clusters with risk ≥ R (0 to 1)'),
    format: z
      .array(z.enum(REPORT_FORMATS))
      .default([...REPORT_FORMATS])
      .describe(`what to write besides index.html; repeat the flag for several (${REPORT_FORMATS.join(', ')})`),
    byAccount: z
      .boolean()
      .default(false)
      .describe('stack the activity timeline by account; re-reads the build’s event files (they must match manifest.json’s SHA-256), so slower'),
    pdf: z.boolean().default(false).describe('also render each HTML report to PDF with headless Chromium'),
    chromium: z.string().min(1).default(DEFAULT_CHROMIUM).describe('Chromium executable for --pdf'),
    quiet: z.boolean().default(false).describe('no progress and no closing line'),
  })
  .strict();

export type ReportOptions = z.infer<typeof ReportOptionsSchema>;
