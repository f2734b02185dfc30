// Types of replay.mjs.
import type { MockAgent } from 'undici';
import type { Credential, Example, Provider } from '../../src/providers/provider.js';
import type { composeRequest } from '../../src/http/compose.js';

export interface ExampleAnswer {
  origin: string;
  path: string | ((path: string) => boolean);
  method: string;
  answer: { status: number; headers?: Record<string, string>; body: string | object };
}

export function answersOf(provider: Provider, example: Example, credential: Credential, base: URL, compose: typeof composeRequest): ExampleAnswer[];

export function intercept(agent: MockAgent, answers: ExampleAnswer[], options?: { delayMs?: number; persist?: boolean }): void;
