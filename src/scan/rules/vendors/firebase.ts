import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Firebase Cloud Messaging legacy server keys: AAAA + 7 characters + ":APA91b" + the key
// (firebase.google.com/docs/cloud-messaging, legacy HTTP API "Authorization: key=…").

const fake = fakes('firebase');

export const FIREBASE_RULES: readonly Rule[] = [
  {
    id: 'firebase-cloud-messaging-server-key',
    description: 'Firebase Cloud Messaging legacy server key (AAAA…:APA91b…)',
    keywords: [':apa91b'],
    pattern: /\bAAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,140}(?![\w-])/,
    entropy: 4,
    examples: {
      positive: [
        `FCM_SERVER_KEY=AAAA${fake.alnum(7)}:APA91b${fake.alnum(134)}`,
        `curl -H "Authorization: key=AAAA${fake.alnum(7)}:APA91b${fake.alnum(134)}" -H "Content-Type: application/json" https://fcm.googleapis.com/fcm/send`,
      ],
      negative: [
        'curl -H "Authorization: key=$FCM_SERVER_KEY" https://fcm.googleapis.com/fcm/send',
        `FCM_SERVER_KEY=AAAA${fake.alnum(7)}:APA91b${fake.alnum(30)}`,
      ],
    },
  },
];
