import { MockAgent } from 'undici';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh undici MockAgent for each test, with the network shut off: a request no interceptor
 * answers fails instead of leaving the machine. Read it through the returned getter.
 */
export function useMockAgent(): () => MockAgent {
  let agent: MockAgent | undefined;
  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(async () => {
    await agent?.close();
  });
  return () => agent!;
}
