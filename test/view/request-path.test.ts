import { describe, expect, it } from 'vitest';
import { requestPath } from '../../src/view/request-path.ts';

describe('request paths', () => {
  it('maps / to the viewer, /data/… to the run’s view files', () => {
    expect(requestPath('/')).toEqual({ ok: true, root: 'viewer', segments: ['index.html'] });
    expect(requestPath('/?cluster=x')).toEqual({ ok: true, root: 'viewer', segments: ['index.html'] });
    expect(requestPath('/assets/index-A0yl.js')).toEqual({ ok: true, root: 'viewer', segments: ['assets', 'index-A0yl.js'] });
    expect(requestPath('/data/overview.json')).toEqual({ ok: true, root: 'data', segments: ['overview.json'] });
    expect(requestPath('/data/clusters/c_0123456789.json')).toEqual({ ok: true, root: 'data', segments: ['clusters', 'c_0123456789.json'] });
  });

  it.each([
    '/../package.json',
    '/data/../clusters.json',
    '/data/./overview.json',
    '/%2e%2e/package.json',
    '/data/%2E%2E/clusters.json',
    '/data/..%2fclusters.json',
    '/data%2f..%2fclusters.json',
    '/..%5cpackage.json',
    '/data/..\\clusters.json',
    '/data/overview.json%00.png',
    '/data/\u0000',
    '//etc/passwd',
    'http://127.0.0.1/../package.json',
    '*',
    '',
    '/%E0%A4%A',
  ])('refuses %j with 400', (url) => {
    expect(requestPath(url)).toMatchObject({ ok: false, status: 400 });
  });

  it.each(['/.git/config', '/data/.hidden.json', '/data', '/data/', '/data//etc/passwd', '/data/%252e%252e/clusters.json', '/a b.js', '/data/<script>.json'])(
    'does not find %j',
    (url) => {
      expect(requestPath(url)).toMatchObject({ ok: false, status: 404 });
    },
  );
});
