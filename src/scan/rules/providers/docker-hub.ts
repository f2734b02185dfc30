import type { Rule } from '../../types.js';
import { END, START, keyedUserBefore } from './kit.js';

const PAT = 'dckr_pat_CyNqFdi-nZesKRD1eAE6p-Qhr1y';
const OAT = 'dckr_oat_OH3X2gwCz-6HJ3aool56mY3EM7pOZfq8';

/** A Docker ID or organization name: 4–30 lower-case letters and digits. */
const DOCKER_ID = '[a-z0-9][a-z0-9_.-]{1,38}';

export const DOCKER_HUB_RULES: readonly Rule[] = [
  {
    id: 'docker-hub-pat',
    provider: 'docker-hub',
    description: 'Docker Hub personal access token (dckr_pat_…), with the Docker ID named before it',
    keywords: ['dckr_pat_'],
    pattern: new RegExp(String.raw`${keyedUserBefore('username', DOCKER_ID)}${START}(?<secret>dckr_pat_[A-Za-z0-9_-]{27})${END}`),
    entropy: 4,
    parts: { username: 'username' },
    examples: {
      positive: [
        `docker login -u octocat -p ${PAT}`,
        `docker login --username octocat --password ${PAT} registry-1.docker.io`,
        `DOCKERHUB_USERNAME=octocat DOCKERHUB_TOKEN=${PAT}`,
        `  password: "${PAT}"`,
      ],
      negative: [`DOCKERHUB_TOKEN=dckr_pat_${'x'.repeat(27)}`, 'docker login -u octocat -p "$DOCKERHUB_TOKEN"', `DOCKERHUB_TOKEN=${PAT}abcde`],
    },
  },
  {
    id: 'docker-hub-oat',
    provider: 'docker-hub',
    description: 'Docker Hub organization access token (dckr_oat_…), with the organization named before it',
    keywords: ['dckr_oat_'],
    pattern: new RegExp(String.raw`${keyedUserBefore('username', DOCKER_ID)}${START}(?<secret>dckr_oat_[A-Za-z0-9_-]{27}(?:[A-Za-z0-9_-]{5})?)${END}`),
    entropy: 4,
    parts: { username: 'username' },
    examples: {
      positive: [`echo "${OAT}" | docker login --username acme --password-stdin`, `docker login -u acme -p ${OAT}`],
      negative: [`DOCKER_ORG_TOKEN=dckr_oat_${'a'.repeat(32)}`, 'docker login -u acme -p dckr_oat_...', `DOCKER_ORG_TOKEN=${OAT}xyz`],
    },
  },
];
