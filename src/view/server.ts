/**
 * `sybilscope view`'s server: node:http, GET and HEAD only, serving the
 * built viewer (viewer/dist) at `/` and the run's OUT/view/ at `/data/`, and
 * nothing else. Every path is checked twice: by its text (request-path.ts)
 * and, once resolved with realpath, by being inside its root, so a symlink
 * cannot lead out. Binds 127.0.0.1 unless told otherwise; on a loopback
 * address the Host header must name loopback too, so a web page cannot reach
 * the data through DNS rebinding.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isIP, type AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { UserError } from '../util/errors.ts';
import { CONTENT_TYPES, SECURITY_HEADERS } from './headers.ts';
import { requestPath, type Root } from './request-path.ts';

export interface ViewServerOptions {
  /** A build's output folder (holding view/). */
  out: string;
  /** The built viewer (holding index.html). */
  viewerDir: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 for a free port. @default 0 */
  port?: number;
}

export interface ViewServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Host name of a Host header value (without the port, IPv6 brackets kept). */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0];
}

async function existingDir(path: string, code: string, message: string): Promise<string> {
  try {
    if ((await stat(path)).isDirectory()) return await realpath(path);
  } catch {
    // fall through
  }
  throw new UserError(code, message);
}

export async function startViewServer(options: ViewServerOptions): Promise<ViewServer> {
  const host = options.host ?? '127.0.0.1';
  const viewer = await existingDir(options.viewerDir, 'E_NO_VIEWER', `the viewer is not built (no ${options.viewerDir}): run \`npm run build:viewer\``);
  await stat(join(viewer, 'index.html')).catch(() => {
    throw new UserError('E_NO_VIEWER', `the viewer is not built (no index.html in ${options.viewerDir}): run \`npm run build:viewer\``);
  });
  const data = await existingDir(
    join(options.out, 'view'),
    'E_NO_VIEW_DATA',
    `${options.out} has no view/ folder: build it with \`sybilscope build … --out ${options.out}\` (builds before the viewer did not write it)`,
  );
  const roots: Record<Root, string> = { viewer, data };
  const checkHost = isLoopback(host);

  const server = createServer((req, res) => {
    handle(req, res, roots, checkHost).catch(() => send(res, req, 500, 'internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
          ? new UserError('E_LISTEN', `cannot listen on ${host}:${options.port ?? 0} (${error.code}); choose another --port or --host`)
          : error,
      );
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, roots: Record<Root, string>, checkHost: boolean): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, req, 405, 'method not allowed');
  }
  if (checkHost && !isLoopback(hostName(req.headers.host ?? ''))) return send(res, req, 403, 'forbidden host');
  const target = requestPath(req.url);
  if (!target.ok) return send(res, req, target.status, target.status === 400 ? 'bad request' : 'not found');
  const root = roots[target.root];
  const type = CONTENT_TYPES[extname(target.segments[target.segments.length - 1]).toLowerCase()];
  if (type === undefined) return send(res, req, 404, 'not found');
  let file: string;
  try {
    file = await realpath(join(root, ...target.segments));
  } catch {
    return send(res, req, 404, 'not found');
  }
  // After symlinks are resolved the file must still be inside its root.
  if (!file.startsWith(root + sep)) return send(res, req, 403, 'forbidden');
  let body: Buffer;
  try {
    if (!(await stat(file)).isFile()) return send(res, req, 404, 'not found');
    body = await readFile(file);
  } catch {
    return send(res, req, 404, 'not found');
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function send(res: ServerResponse, req: IncomingMessage, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = `${text}\n`;
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
