import type { Rule } from '../../types.js';
import { ASSIGN } from './kit.js';

// An access key id (AKIA… long-term, ASIA… temporary) is what a scanner can recognize; the secret
// access key beside it is what verification needs. One finding per pair: the key id, with the
// secret when the same line holds both (`KEY_ID=… SECRET=…`, a CSV row, `id:secret`); a secret
// access key alone is found by its name.

const KEY_ID = 'AKIAO223KDLS3MUD4BZR';
const TEMP_KEY_ID = 'ASIAKUG6TFIBC5H4RBLP';
const SECRET = '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';

const ID = String.raw`(?:AKIA|ASIA)[A-Z2-7]{16}`;
const SECRET_SHAPE = String.raw`[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`;
const SECRET_NAME = String.raw`(?:(?:[Ss]ecret|SECRET)[_.-]?(?:[Aa]ccess|ACCESS)[_.-]?(?:[Kk]ey|KEY)|(?:aws|AWS|Aws)[_.-]?(?:[Ss]ecret|SECRET)(?:[_.-]?(?:[Kk]ey|KEY))?)`;

export const AWS_RULES: readonly Rule[] = [
  {
    id: 'aws-access-key-id',
    provider: 'aws',
    description: 'AWS access key id (AKIA…, ASIA…), with the secret access key when the same line holds it',
    keywords: ['akia', 'asia'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?<secret>${ID})(?![A-Za-z0-9])` +
        // not when a secret access key named before it already captured it
        String.raw`(?<!${SECRET_NAME}${ASSIGN}${SECRET_SHAPE}[^\n]{1,120}?${ID})` +
        String.raw`(?:(?:["']?\s{0,3}[,:;|]\s{0,3}["']?|[^\n]{1,120}?(?:[Ss]ecret|SECRET)[\w.-]{0,30}${ASSIGN})(?<sak>${SECRET_SHAPE}))?`,
    ),
    entropy: 3,
    parts: { 'access-key-id': 'secret', 'secret-access-key': 'sak' },
    // AWS's documentation keys (AKIAIOSFODNN7EXAMPLE, …EXAMPLEKEY) are dropped as samples (kit.ts `plausible`).
    examples: {
      positive: [
        `AWS_ACCESS_KEY_ID=${KEY_ID} AWS_SECRET_ACCESS_KEY=${SECRET} aws s3 ls`,
        `s3 = boto3.client("s3", aws_access_key_id="${KEY_ID}", aws_secret_access_key="${SECRET}")`,
        `${KEY_ID},${SECRET}`,
        `export AWS_ACCESS_KEY_ID=${TEMP_KEY_ID}`,
        `  accessKeyId: '${KEY_ID}',`,
      ],
      negative: [
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX',
        "['an AWS access key id', 'AKIAABCDEFGHIJKLMNOP'],",
        `arn = "arn:aws:iam::123456789012:user/${KEY_ID}X"`,
        'TODAYINASIAASACKOFRICEFELLOVER',
        'aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
      ],
    },
  },
  {
    id: 'aws-secret-access-key',
    provider: 'aws',
    description: 'AWS secret access key, by its name (aws_secret_access_key, secretAccessKey)',
    keywords: ['secret'],
    pattern: new RegExp(
      String.raw`${SECRET_NAME}${ASSIGN}` +
        // not when the key id before it already captured it
        String.raw`(?<!(?<![A-Za-z0-9])${ID}(?![A-Za-z0-9])[^\n]{1,120}?(?:[Ss]ecret|SECRET)[\w.-]{0,30}${ASSIGN})` +
        String.raw`(?<secret>${SECRET_SHAPE})(?:[^\n]{1,120}?(?<![A-Za-z0-9])(?<keyid>${ID})(?![A-Za-z0-9]))?`,
    ),
    entropy: 4,
    parts: { 'access-key-id': 'keyid' },
    examples: {
      positive: [
        `aws_secret_access_key = ${SECRET}`,
        `export AWS_SECRET_ACCESS_KEY="${SECRET}"`,
        `new S3Client({ credentials: { secretAccessKey: '${SECRET}', accessKeyId: '${KEY_ID}' } });`,
      ],
      negative: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
        `aws_secret_access_key = ${SECRET}abc`,
        'aws_secret_access_key = 3f786850e387550fdab836ed7e6dc881de23001b',
      ],
    },
  },
];
