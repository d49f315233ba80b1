/**
 * The view server, for real on 127.0.0.1: it serves the viewer and the run's
 * view files with their security headers, and nothing else — no traversal by
 * dots, encodings, backslashes, absolute paths or symlinks; GET and HEAD only;
 * loopback by default; Ctrl-C on the command stops it with exit code 0.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startViewServer, type ViewServer } from '../../src/view/index.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-serve-'));
const out = join(tmp, 'out');
const viewerDir = join(tmp, 'viewer');
const SECRET = 'TOP-SECRET-d41d8cd9';
const INDEX = '<!doctype html><title>viewer</title><script type="module" src="./assets/app.js"></script>';

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request sent byte for byte (no client-side normalisation of the target). */
function raw(port: number, target: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${options.method ?? 'GET'} ${target} HTTP/1.1\r\nHost: ${options.host ?? `127.0.0.1:${port}`}\r\nConnection: close\r\n\r\n`);
  });
}

let server: ViewServer;

beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const r = await runCli(['build', '--events', 'test/golden/input/events.jsonl', '--accounts', 'test/golden/input/accounts.csv', '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
  } finally {
    process.chdir(cwd);
  }
  mkdirSync(join(viewerDir, 'assets'), { recursive: true });
  writeFileSync(join(viewerDir, 'index.html'), INDEX);
  writeFileSync(join(viewerDir, 'assets/app.js'), 'console.log("viewer");\n');
  writeFileSync(join(tmp, 'secret.json'), JSON.stringify({ secret: SECRET }));
  writeFileSync(join(out, 'secret.json'), JSON.stringify({ secret: SECRET }));
  // Symlinks inside the roots that lead out of them.
  symlinkSync(join(tmp, 'secret.json'), join(viewerDir, 'assets/leak.json'));
  symlinkSync(join(out, 'secret.json'), join(out, 'view/leak.json'));
  symlinkSync(tmp, join(out, 'view/up'));
  server = await startViewServer({ out, viewerDir });
});

afterAll(async () => {
  await server?.close();
});

describe('view server', () => {
  it('binds loopback on a free port by default', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the viewer at / with a CSP that forbids inline script, and its assets', async () => {
    const index = await raw(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toBe(INDEX);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = index.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const app = await raw(server.port, '/assets/app.js');
    expect([app.status, app.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('serves the run’s view files under /data/', async () => {
    const overview = await raw(server.port, '/data/overview.json');
    expect(overview.status).toBe(200);
    expect(overview.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(overview.body).toBe(readFileSync(join(out, 'view/overview.json'), 'utf8'));
    expect(overview.headers['content-security-policy']).toContain("script-src 'self'");
    for (const name of readdirSync(join(out, 'view/clusters'))) expect((await raw(server.port, `/data/clusters/${name}`)).status).toBe(200);
    expect((await raw(server.port, '/data/search.json')).status).toBe(200);
  });

  it('answers HEAD without a body', async () => {
    const head = await raw(server.port, '/data/overview.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(readFileSync(join(out, 'view/overview.json')).length);
    expect(head.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('rejects %s', async (method) => {
    const r = await raw(server.port, '/data/overview.json', { method });
    expect(r.status).toBe(405);
    expect(r.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    '/../package.json',
    '/../../../../etc/passwd',
    '/data/../clusters.json',
    '/data/../../secret.json',
    '/data/%2e%2e/clusters.json',
    '/data/%2E%2E/secret.json',
    '/%2e%2e/%2e%2e/package.json',
    '/data/..%2fclusters.json',
    '/data%2f..%2fclusters.json',
    '/data/%252e%252e/clusters.json',
    '/data/..%5cclusters.json',
    '/data/..\\clusters.json',
    '/..\\package.json',
    '/data/overview.json%00.png',
    `/${join(ROOT, 'package.json')}`,
    `/data/${join(out, 'clusters.json')}`,
    join(ROOT, 'package.json'),
    `http://127.0.0.1/../package.json`,
    '/data/clusters.json',
    '/data/edges.jsonl',
    '/clusters.json',
    '/data/leak.json',
    '/data/up/secret.json',
    '/assets/leak.json',
    '/data/secret.json',
    '/secret.json',
    '/.git/config',
    '/package.json',
  ])('never serves a file outside the roots: %s', async (target) => {
    const r = await raw(server.port, target);
    expect([400, 403, 404]).toContain(r.status);
    expect(r.body).not.toContain(SECRET);
    expect(r.body).not.toContain('"clusters"');
    expect(r.body).not.toContain('sybilscope');
    expect(r.body).not.toContain('root:');
    expect(r.body.length).toBeLessThan(40);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a Host that is not loopback (DNS rebinding)', async () => {
    expect((await raw(server.port, '/data/overview.json', { host: 'evil.example' })).status).toBe(403);
    expect((await raw(server.port, '/data/overview.json', { host: `localhost:${server.port}` })).status).toBe(200);
  });
});

describe('sybilscope view', () => {
  it('exits 1 with one line when the viewer is not built', async () => {
    const r = await runCli(['view', out, '--viewer', join(tmp, 'no-such-dist')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('npm run build:viewer');
  });

  it('exits 1 when the folder has no view files', async () => {
    const r = await runCli(['view', tmp, '--viewer', viewerDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has no view\/ folder/);
  });

  it('says so in one line when the port is taken', async () => {
    const r = await runCli(['view', out, '--viewer', viewerDir, '--port', String(server.port)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
  });

  it('rejects a bad port', async () => {
    expect((await runCli(['view', out, '--port', '70000'])).code).toBe(2);
  });

  it('prints the URL, serves, and stops with exit code 0 on SIGINT', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/sybilscope.js'), 'view', out, '--viewer', viewerDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c) => {
        stdout += c;
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const response = await fetch(`${url}data/overview.json`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(stdout).toContain('stopped');
  }, 30_000);
});
