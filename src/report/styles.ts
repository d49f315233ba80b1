/** The reports' stylesheet, inlined in every page (no external fetch); prints on A4 or Letter. */
export const STYLES = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --accent: #b3261e; --bar: #4e79a7; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 14px; margin: 16px 0 6px; }
a { color: #1a56b0; } .muted { color: var(--muted); } .small { font-size: 12px; }
.risk { display: inline-block; min-width: 3.2em; padding: 1px 6px; border-radius: 4px; color: #fff; background: var(--accent); font-weight: 600; text-align: center; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 12px 0; }
.facts div { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; } .facts b { display: block; font-size: 16px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 12.5px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg); font-weight: 600; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td, li, p, code { overflow-wrap: anywhere; word-break: break-word; }
bdi { unicode-bidi: isolate; } code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
ol.reasons li { margin: 2px 0; }
.chart { margin: 8px 0 12px; } .chart svg { max-width: 100%; height: auto; } figcaption { font-size: 12px; color: var(--muted); }
.chart .bars rect:not([fill]), .chart.scores rect { fill: var(--bar); } .chart.scores rect.track { fill: var(--bg); stroke: var(--line); }
ul.legend { list-style: none; padding: 0; margin: 2px 0 0; display: flex; flex-wrap: wrap; gap: 2px 14px; } ul.legend svg { vertical-align: -1px; }
.chart .keys { fill: none; stroke: var(--accent); stroke-width: 1.5; } .chart .axis line { stroke: var(--muted); }
.chart text { font-size: 11px; fill: var(--muted); } .chart text.k { fill: var(--accent); }
.link { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 6px 0; break-inside: avoid; }
.template { border-left: 3px solid var(--bar); padding: 2px 10px; margin: 8px 0; break-inside: avoid; }
.template .text { white-space: pre-wrap; }
footer { margin-top: 32px; border-top: 1px solid var(--line); padding-top: 8px; font-size: 11.5px; color: var(--muted); }
nav.formats a { margin-right: 8px; }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; } figure, .link, .template { break-inside: avoid; }
  tr, .facts div { break-inside: avoid; } thead { display: table-header-group; }
  section.page-break { break-before: page; }
  nav.formats { display: none; }
}
`;
