/** The view server (`sybilscope view`): the built viewer and one run's view files, on loopback. */
export { startViewServer, isLoopback, type ViewServer, type ViewServerOptions } from './server.ts';
export { requestPath, type RequestPath } from './request-path.ts';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './headers.ts';

/** Where `npm run build:viewer` puts the built viewer. */
export const DEFAULT_VIEWER_DIR = new URL('../../viewer/dist', import.meta.url).pathname;
