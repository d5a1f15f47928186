/**
 * For the e2e harness: when `GASNET_REQUEST_LOG` names a file, `vite
 * preview` appends the URL of every request that reaches it, one per line.
 * What the browser answers from its own caches (Cache Storage, HTTP cache)
 * never arrives here, so specs can prove that a file was not downloaded.
 */
import { appendFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';

export const REQUEST_LOG_ENV = 'GASNET_REQUEST_LOG';

export function requestLogMiddleware(path: string) {
  return (req: IncomingMessage, _res: ServerResponse, next: () => void): void => {
    appendFileSync(path, `${req.url ?? ''}\n`);
    next();
  };
}

export function previewRequestLog(): Plugin {
  return {
    name: 'gasnet:preview-request-log',
    configurePreviewServer(server) {
      const path = process.env[REQUEST_LOG_ENV];
      if (path) server.middlewares.use(requestLogMiddleware(path));
    },
  };
}
