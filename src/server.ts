import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { Config } from './config';

/** Listens on HOST:PORT (PORT 0 picks a free port) and resolves with the bound port. */
export function startServer(app: Server, config: Pick<Config, 'HOST' | 'PORT'>): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    app.server.once('error', onError);
    app.listen(config.PORT, config.HOST, () => {
      app.server.off('error', onError);
      resolve((app.server.address() as AddressInfo).port);
    });
  });
}

/** Stops listening and closes open keep-alive connections, so that the process (or a test) can end. */
export function stopServer(app: Server): Promise<void> {
  return new Promise((resolve) => {
    app.server.close(() => resolve());
    app.server.closeAllConnections();
  });
}
