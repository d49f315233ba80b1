/**
 * Which file a request asks for, decided from the URL alone, before any
 * file system call: `/` and `/<file>` → the built viewer, `/data/<file>` →
 * the run's OUT/view/. Anything that could climb out of a root or hide a
 * separator is refused: `..` and `.` segments, encoded dots, slashes,
 * backslashes and NUL, a literal backslash or NUL, empty segments, and names
 * outside a plain character set. The file system check (realpath within the
 * root) comes after, in server.ts, and catches symlinks.
 */

export type Root = 'viewer' | 'data';

export type RequestPath =
  | { ok: true; root: Root; segments: string[] }
  | { ok: false; status: 400 | 404; reason: string };

/** A path segment the server will look up: letters, digits, `.`, `_`, `-`, not starting with a dot. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Percent-encoded `.`, `/`, `\` or NUL: legitimate URLs of our files never need them. */
const ENCODED_SEPARATOR = /%(2e|2f|5c|00)/i;
const MAX_URL = 2048;

export function requestPath(rawUrl: string | undefined): RequestPath {
  const raw = rawUrl ?? '';
  if (raw.length === 0 || raw.length > MAX_URL) return { ok: false, status: 400, reason: 'bad request target' };
  // Origin form only: a path starting with one slash (no absolute URL, no `//host`).
  if (raw[0] !== '/' || raw.startsWith('//')) return { ok: false, status: 400, reason: 'not a path' };
  const path = raw.split(/[?#]/, 1)[0];
  if (path.includes('\\') || path.includes('\0') || ENCODED_SEPARATOR.test(path))
    return { ok: false, status: 400, reason: 'encoded or backslash separator' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return { ok: false, status: 400, reason: 'backslash or NUL' };
  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') return { ok: true, root: 'viewer', segments: ['index.html'] };
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 400, reason: 'dot segment' };
  if (segments.some((s) => !SEGMENT.test(s))) return { ok: false, status: 404, reason: 'no such file' };
  if (segments[0] === 'data') {
    if (segments.length === 1) return { ok: false, status: 404, reason: 'no such file' };
    return { ok: true, root: 'data', segments: segments.slice(1) };
  }
  return { ok: true, root: 'viewer', segments };
}
