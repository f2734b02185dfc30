import { hasValidCrc32Suffix } from '../../../providers/checksum.js';
import type { Rule } from '../../types.js';
import { ASSIGN, END, START, shape } from './kit.js';

// Token formats: github.blog/2021-04-05-behind-githubs-new-authentication-token-formats (prefix,
// 30 random characters, a CRC-32 checksum in 6 base62 characters: a copy that fails it is a typo or
// a made-up sample, not a token), docs.github.com/en/authentication (github_pat_, no published
// checksum), the 2026 stateless installation tokens (ghs_ + a JWT, two dots, ~520 characters:
// github.blog/changelog/2026-05-15-github-app-installation-tokens-per-request-override-header).
// Tokens from before 2021 are 40 lower-case hex, the shape of every git commit id: only by name.

const PAT = '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';
const PAT_2 = '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';
const OAUTH = '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';
const USER = 'ghu_9dKL2hvuBGGj58dsaIxNpEeD8gJQpv2tR94T';
const INSTALLATION = 'ghs_FoKmKMNyLs26ybATb7aE8zue1yHONU0LJsZF';
const REFRESH = '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';
const FINE_GRAINED = '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';
const STATELESS =
  'ghs_1137386_eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiIxMjM0NTY3IiwiZXhwIjoxNzk4NzYxNjAwLCJpaWQiOjc2NTQzMjEsInJpZCI6IkZTbTBqVjZNTUhkQyJ9.9XFOtLZZKW34jxRmdyjurEhVPqTbJqbcnUMIj6xYnT4WX_MirChfdAe1EtjaUq3lav_JV1tlpj37DRTCGAG4MPwuv4uRR7MpyfUn0OYlLo6GP804YbMTjdacPtesg7kaqUdng_yC62uaOziyEQyaOBk4NAGaNozh78ExJZ9PSOro6TvUqmqYW6fGL0PX_3QOBqvgVSrGm5UFougSTA_H9B0VgQO1hKjnSFDvgrbIDhSQ1wRd_UsefOOXSOEDa2iEejmRNRU63f1PNPeAzN7995odYGjCVVlp2n5VuIMNsW7P2D0x0cV95VMx2wCHQ1YrtzLD1GBgKp3Gr0Jcexs2rG';
const LEGACY = '88fd75ba6d292d0ff7472a247881f1dafa41fa6f';
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';

/** A `prefix_` + 36 base62 token whose CRC-32 suffix must hold. */
function checksummed(id: string, prefix: string, description: string, positive: string[], negative: string[]): Rule {
  return {
    id,
    provider: 'github',
    description,
    keywords: [prefix],
    pattern: new RegExp(String.raw`${START}(?<secret>${prefix}[A-Za-z0-9]{36})${END}`),
    validate: (secret) => hasValidCrc32Suffix(secret, prefix),
    examples: { positive, negative },
  };
}

/** GITHUB_TOKEN, GH_TOKEN, ghToken, github_pat, HOMEBREW_GITHUB_API_TOKEN, github-oauth-token, GH_ENTERPRISE_TOKEN … (`gh` as a word of its own) */
const TOKEN_NAME = String.raw`(?:github|(?<![a-z0-9])gh(?:[_.-]|(?=token|pat)))[\w.-]{0,20}?(?:token|pat)`;

export const GITHUB_RULES: readonly Rule[] = [
  checksummed(
    'github-pat',
    'ghp_',
    'GitHub classic personal access token (ghp_…)',
    [`export GITHUB_TOKEN=${PAT}`, `git clone https://x-access-token:${PAT_2}@github.com/acme/app.git`, `  token: "${PAT}"`],
    [
      // the checksum does not hold
      `export GITHUB_TOKEN=${PAT.slice(0, -1)}A`,
      'export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
      `token = "${PAT}xyz"`,
    ],
  ),
  checksummed(
    'github-oauth-token',
    'gho_',
    'GitHub OAuth app access token (gho_…)',
    [`Authorization: token ${OAUTH}`, `  "access_token": "${OAUTH}",`],
    [
      // GitHub's documentation sample: its checksum does not hold
      'Authorization: token gho_16C7e42F292c6912E7710c838347Ae178B4a',
      `"access_token": "${OAUTH.slice(0, 30)}"`,
      '"access_token": "gho_<token>"',
    ],
  ),
  checksummed(
    'github-user-token',
    'ghu_',
    'GitHub App user access token (ghu_…)',
    [`GH_TOKEN=${USER} gh pr list`, `  "access_token": "${USER}",`],
    [`GH_TOKEN=${USER.slice(0, -1)}A`, 'GH_TOKEN=ghu_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'],
  ),
  checksummed(
    'github-installation-token',
    'ghs_',
    'GitHub App installation token or GITHUB_TOKEN (ghs_…)',
    [`  token: ${INSTALLATION}`, `url = https://x-access-token:${INSTALLATION}@github.com/acme/app.git`],
    [`  token: ${INSTALLATION.slice(0, -1)}A`, '  token: ${{ steps.app-token.outputs.token }}', `  token: ${INSTALLATION}_`],
  ),
  {
    id: 'github-installation-token-stateless',
    provider: 'github',
    description: 'GitHub App installation token in the 2026 stateless form (ghs_ + a JWT)',
    keywords: ['ghs_'],
    pattern: /(?<![\w-])(?<secret>ghs_[A-Za-z0-9_-]{20,600}\.[A-Za-z0-9_-]{20,1200}\.[A-Za-z0-9_-]{20,800})(?![\w.-])/,
    entropy: 4,
    examples: {
      positive: [`GITHUB_TOKEN=${STATELESS}`, `git -c http.extraheader="AUTHORIZATION: bearer ${STATELESS}" fetch`],
      negative: ['GITHUB_TOKEN=ghs_xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx', `GITHUB_TOKEN=${STATELESS.split('.').slice(0, 2).join('.')}`],
    },
  },
  checksummed(
    'github-refresh-token',
    'ghr_',
    'GitHub App refresh token (ghr_…)',
    [`  "refresh_token": "${REFRESH}",`, `GITHUB_REFRESH_TOKEN=${REFRESH}`],
    [`"refresh_token": "${REFRESH.slice(0, -1)}B"`, '"refresh_token": "ghr_1B4a2e77838347a7E420ce178F2E7c6912E1"'],
  ),
  {
    id: 'github-fine-grained-pat',
    provider: 'github',
    description: 'GitHub fine-grained personal access token (github_pat_…)',
    keywords: ['github_pat_'],
    pattern: new RegExp(String.raw`${START}(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})${END}`),
    entropy: 4,
    examples: {
      positive: [`export GH_TOKEN=${FINE_GRAINED}`, `    github-token: "${FINE_GRAINED}"`],
      negative: [`GH_TOKEN=github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`, `GH_TOKEN=${FINE_GRAINED.slice(0, 60)}`, 'GH_TOKEN: ${{ secrets.FINE_GRAINED_PAT }}'],
    },
  },
  {
    id: 'github-legacy-token',
    provider: 'github',
    description: 'GitHub token of the pre-2021 shape (40 hex), by its name',
    keywords: ['github', 'gh_', 'gh-', 'gh.', 'ghtoken', 'ghpat'],
    pattern: new RegExp(String.raw`${TOKEN_NAME}${ASSIGN}(?<secret>[0-9a-f]{40})(?![a-z0-9_-])`, 'i'),
    entropy: 3,
    validate: shape(/^[0-9a-f]{40}$/),
    examples: {
      positive: [`export GITHUB_TOKEN=${LEGACY}`, `HOMEBREW_GITHUB_API_TOKEN="${LEGACY}"`, `  github_token: ${LEGACY}`],
      negative: [
        `GITHUB_SHA=${SHA}`,
        `GITHUB_TOKEN=${LEGACY.toUpperCase()}`,
        `  ref: ${SHA}`,
        `  high_token: ${LEGACY}`,
        'GITHUB_TOKEN=0000000000000000000000000000000000000000',
      ],
    },
  },
  {
    id: 'github-legacy-token-url',
    provider: 'github',
    description: 'GitHub token of the pre-2021 shape (40 hex) in the userinfo of a GitHub URL',
    keywords: ['github'],
    pattern: /https?:\/\/(?:[^\s:@/]{1,64}:)?(?<secret>[0-9a-f]{40})@(?:[\w-]{1,63}\.){0,3}github[\w-]{0,40}\.[a-z]{2,24}\b/,
    entropy: 3,
    examples: {
      positive: [`git clone https://${LEGACY}@github.com/acme/app.git`, `url = https://x-access-token:${LEGACY}@github.example.com/acme/app.git`],
      negative: [`https://github.com/acme/app/commit/${SHA}`, `https://raw.githubusercontent.com/acme/app/${SHA}/README.md`, 'git clone https://x-access-token:${GITHUB_TOKEN}@github.com/acme/app.git'],
    },
  },
];
