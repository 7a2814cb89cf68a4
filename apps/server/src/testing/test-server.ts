import { fileURLToPath } from 'node:url';
import { modules } from '../app.ts';
import { buildHttpServer } from '../http/server.ts';
import { version } from '../version.ts';
import { createTestCore, type TestCore } from './harness.ts';

export interface TestServer {
  url: string;
  core: TestCore;
  close(): Promise<void>;
}

/** A real HTTP server on a free port over a fresh seeded database, serving the built web UI. */
export async function startTestServer(): Promise<TestServer> {
  const core = await createTestCore();
  core.dispatcher.start();
  const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));
  const app = await buildHttpServer(core, modules, { version, webDist });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    core,
    async close() {
      await app.close();
      await core.close();
    },
  };
}
