import { describe, expect, it } from 'vitest';
import type { TokenSpec } from '../../src/config/types.js';
import { Redactor } from '../../src/run/redact.js';
import { SecretStore } from '../../src/run/secrets.js';

const spec = (provider: string, secret: Record<string, string>): TokenSpec => ({
  name: 't',
  provider,
  secret,
  optional: false,
  expiryWarningDays: 14,
  rejectInvalid: false,
  settings: {},
  source: { file: 'f', line: 1 },
});

function store(specs: TokenSpec[], env: Record<string, string>) {
  const masked: string[] = [];
  const redactor = new Redactor();
  new SecretStore(specs, env, (v) => masked.push(v), redactor);
  return { masked, redact: (text: string) => redactor.redact(text) };
}

describe('SecretStore', () => {
  const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n';
  const file = JSON.stringify({ type: 'service_account', project_id: 'acme-prod', private_key: PEM, client_email: 'deployer@acme-prod.iam.gserviceaccount.com' }, null, 2);

  it('protects only the secret members of a key file: its private key as written and line by line', () => {
    const { masked, redact } = store([spec('google-service-account', { key: 'GCP_KEY' })], { GCP_KEY: file });
    expect(masked).toEqual(expect.arrayContaining([JSON.stringify(PEM).slice(1, -1), 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', '-----BEGIN PRIVATE KEY-----']));
    expect(masked.some((v) => v.includes('deployer@'))).toBe(false);
    expect(redact('deployer@acme-prod.iam.gserviceaccount.com')).toBe('deployer@acme-prod.iam.gserviceaccount.com');
    expect(redact(file)).not.toContain('MIIEvQIB');
  });

  it('protects the whole value when it is not such a document, or its secret member is missing', () => {
    const broken = `${file.slice(0, -2)}`;
    const noKey = JSON.stringify({ type: 'service_account', client_email: 'deployer@acme-prod.iam.gserviceaccount.com' });
    for (const value of [broken, noKey]) {
      const { redact } = store([spec('google-service-account', { key: 'GCP_KEY' })], { GCP_KEY: value });
      expect(redact('deployer@acme-prod.iam.gserviceaccount.com')).not.toContain('deployer@acme');
    }
  });

  it('protects a variable whole when another token names it for a part without secret members', () => {
    const { redact } = store([spec('google-service-account', { key: 'SHARED' }), spec('http', { token: 'SHARED' })], { SHARED: file });
    expect(redact('deployer@acme-prod.iam.gserviceaccount.com')).not.toContain('deployer@acme');
  });
});
