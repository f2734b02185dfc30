import type { Rule } from '../../types.js';
import { END, START } from './kit.js';

const API_KEY = 'AIzaBKSfPZPpodUe38w5IH2RMUwByjW2lpohSY7';
const API_KEY_2 = 'AIzaiHJjh30lfzwe_lIS8O9AmUSRrTFTrtOl3yu';

/** A private key as a key file's JSON holds it: one string, its line breaks escaped (`\n`). */
const PEM = String.raw`-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCQzisA0AGZqXEVuQMdxfRjwYx+hQ9NdsZ\nTPsZ5M0fmswRlxdKBp/iSu0fsQvnxJvFRoXV2ExCkjtA/1Lky8IEasf3ZcFC2Xu6\nvz5VC1m0M/WBiUdVKetJkg1rnOF/ciq3rRyU7w98gNW5rJp4SCsG+dY0/1+WIQLE\nqgKvZbfGzlOUBEDj2k3cV3j3NdoGjDpugPWgZuh5=\n-----END PRIVATE KEY-----\n`;
const KEY_FILE = `{"type": "service_account", "project_id": "acme-prod", "private_key_id": "da88e436f68cdbf01acd758228480c198a427ab9", "private_key": "${PEM}", "client_email": "deployer@acme-prod.iam.gserviceaccount.com", "client_id": "350541216080530807838", "token_uri": "https://oauth2.googleapis.com/token"}`;

export const GOOGLE_RULES: readonly Rule[] = [
  {
    id: 'google-api-key',
    provider: 'google-api-key',
    description: 'Google API key (AIza…)',
    keywords: ['aiza'],
    pattern: new RegExp(String.raw`${START}(?<secret>AIza[0-9A-Za-z_-]{35})${END}`),
    entropy: 4,
    examples: {
      positive: [`GOOGLE_API_KEY=${API_KEY}`, `<script src="https://maps.googleapis.com/maps/api/js?key=${API_KEY_2}&callback=initMap"></script>`, `  apiKey: "${API_KEY}",`],
      negative: ['GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'apiKey: process.env.GOOGLE_API_KEY,', `GOOGLE_API_KEY=${API_KEY.slice(0, 30)}`],
    },
  },
  {
    id: 'google-service-account-key',
    provider: 'google-service-account',
    description: 'Google service account key file, as JSON on one line (a variable or a secret file)',
    keywords: ['service_account'],
    pattern:
      /(?<secret>\{(?=[^{}\n]{0,6000}?"type"\s{0,3}:\s{0,3}"service_account")(?=[^{}\n]{0,6000}?"private_key"\s{0,3}:\s{0,3}"-----BEGIN PRIVATE KEY-----)[^{}\n]{100,8000}\})/,
    examples: {
      positive: [`GOOGLE_APPLICATION_CREDENTIALS_JSON='${KEY_FILE}'`, `  credentials: ${KEY_FILE}`],
      negative: [
        '{"type": "service_account", "project_id": "acme-prod", "client_email": "deployer@acme-prod.iam.gserviceaccount.com"}',
        '{"type": "authorized_user", "client_id": "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com", "private_key": "-----BEGIN PRIVATE KEY-----\\n…"}',
        'GOOGLE_CREDENTIALS: ${{ secrets.GCP_SA_KEY }}',
      ],
    },
  },
  {
    id: 'google-service-account-private-key',
    provider: 'google-service-account',
    description: "The private key line of a Google service account key file (\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n…\")",
    keywords: ['private_key'],
    pattern: /^\s{0,20}"private_key"\s{0,3}:\s{0,3}"(?<secret>-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=\\]{64,8000}-----END PRIVATE KEY-----(?:\\n)?)"/,
    examples: {
      positive: [`  "private_key": "${PEM}",`, `    "private_key":"${PEM}",`],
      negative: ['  "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n",', '  "private_key_id": "da88e436f68cdbf01acd758228480c198a427ab9",', '  "private_key": "${GCP_PRIVATE_KEY}",'],
    },
  },
];
