import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

// Every OpenAI key holds T3BlbkFJ (base64 of "OpenAI") between two random halves.

const PROJECT =
  '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';
const SERVICE_ACCOUNT =
  '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';
const ADMIN = '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';
const LEGACY = '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';

const HALF = '(?:[A-Za-z0-9_-]{74}|[A-Za-z0-9_-]{58})';
const keyOf = (kind: string) => new RegExp(String.raw`${START}(?<secret>sk-${kind}-${HALF}T3BlbkFJ${HALF})${END}`);
/** The same key with its second half cut short. */
const truncated = (key: string) => key.slice(0, -20);

export const OPENAI_RULES: readonly Rule[] = [
  {
    id: 'openai-project-key',
    provider: 'openai',
    description: 'OpenAI project API key (sk-proj-…)',
    keywords: ['sk-proj-'],
    pattern: keyOf('proj'),
    entropy: 4,
    examples: {
      positive: [`export OPENAI_API_KEY=${PROJECT}`, `client = OpenAI(api_key="${PROJECT}")`],
      negative: [`OPENAI_API_KEY=sk-proj-${'x'.repeat(74)}T3BlbkFJ${'x'.repeat(74)}`, 'OPENAI_API_KEY=sk-proj-...', `OPENAI_API_KEY=${truncated(PROJECT)}`],
    },
  },
  {
    id: 'openai-service-account-key',
    provider: 'openai',
    description: 'OpenAI service account API key (sk-svcacct-…)',
    keywords: ['sk-svcacct-'],
    pattern: keyOf('svcacct'),
    entropy: 4,
    examples: {
      positive: [`OPENAI_API_KEY: "${SERVICE_ACCOUNT}"`, `const openai = new OpenAI({ apiKey: '${SERVICE_ACCOUNT}' });`],
      negative: [`OPENAI_API_KEY=${truncated(SERVICE_ACCOUNT)}`, 'const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });'],
    },
  },
  {
    id: 'openai-admin-key',
    provider: 'openai',
    description: 'OpenAI Admin API key (sk-admin-…)',
    keywords: ['sk-admin-'],
    pattern: keyOf('admin'),
    entropy: 4,
    examples: {
      positive: [`OPENAI_ADMIN_KEY=${ADMIN}`, `curl https://api.openai.com/v1/organization/admin_api_keys -H "Authorization: Bearer ${ADMIN}"`],
      negative: [`OPENAI_ADMIN_KEY=${truncated(ADMIN)}`, 'OPENAI_ADMIN_KEY=sk-admin-<your key>'],
    },
  },
  {
    id: 'openai-legacy-key',
    provider: 'openai',
    description: 'OpenAI user API key of the older shape (sk-…T3BlbkFJ…)',
    keywords: ['t3blbkfj'],
    pattern: new RegExp(String.raw`${START}(?<secret>sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})${END}`),
    entropy: 4,
    examples: {
      positive: [`openai.api_key = "${LEGACY}"`, `OPENAI_API_KEY=${LEGACY}`],
      negative: [`openai.api_key = "sk-${'x'.repeat(20)}T3BlbkFJ${'x'.repeat(20)}"`, `OPENAI_API_KEY=${LEGACY.slice(0, -5)}`, 'openai.api_key = os.getenv("OPENAI_API_KEY")'],
    },
  },
];
