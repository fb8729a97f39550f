import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { originOf } from '../config.ts';
import type { RewardsApp } from './app.ts';
import { fastRefusalOf } from './fast-refusal.ts';

export interface RunningServer {
  /** `http://host:port`, with the port actually bound (useful with port 0). */
  url: string;
  port: number;
  /**
   * Stops accepting connections, lets in-flight requests finish, then resolves. After
   * `forceAfterMs` the remaining connections are cut so shutdown cannot hang forever.
   */
  close(options?: { forceAfterMs?: number }): Promise<void>;
}

export function startHttpServer(app: RewardsApp, { port, host }: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const listener = getRequestListener(app.fetch, { hostname: host });
    // A waiting member's refused token is answered here, before the app builds a request (fast-refusal.ts).
    const fast = fastRefusalOf(app);
    const server = createServer(fast ? (req, res) => void (fast(req, res) || listener(req, res)) : listener);
    server.listen(port, host);
    let closing: Promise<void> | undefined;

    const close = ({ forceAfterMs = 10_000 } = {}): Promise<void> => {
      closing ??= new Promise<void>((done, fail) => {
        // Keep-alive sockets would hold the server open: tell clients not to reuse them and drop
        // each one as soon as it has no request in flight.
        server.prependListener('request', (_req, res) => {
          if (!res.headersSent) res.setHeader('Connection', 'close');
        });
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const force = setTimeout(() => server.closeAllConnections(), forceAfterMs);
        server.close((err) => {
          clearInterval(sweep);
          clearTimeout(force);
          if (err) fail(err);
          else done();
        });
        server.closeIdleConnections();
      });
      return closing;
    };

    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const bound = (server.address() as AddressInfo).port;
      resolve({ url: originOf(host, bound), port: bound, close });
    });
  });
}
