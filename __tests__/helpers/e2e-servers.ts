import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from './fake-github.mjs';
import { startProxy, type TestProxy } from './proxy.mjs';

/** The fake GitHub and the CONNECT proxy in front of it, as the end-to-end tests reach them. */
export interface E2eServers {
  readonly github: FakeGitHub;
  readonly proxy: TestProxy;
}

/**
 * Starts both once for the file (closed at its end) and forgets what they saw before each test.
 * Read them through the returned object once the tests run.
 */
export function useFakeGitHubBehindProxy(): E2eServers {
  const servers = {} as { github: FakeGitHub; proxy: TestProxy };
  beforeAll(async () => {
    servers.github = await startFakeGitHub();
    servers.proxy = await startProxy({ targetPort: servers.github.port });
  });
  afterAll(async () => {
    await servers.proxy?.close();
    await servers.github?.close();
  });
  beforeEach(() => {
    servers.github.reset();
    servers.proxy.reset();
  });
  return servers;
}
