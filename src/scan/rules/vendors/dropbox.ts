import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Dropbox OAuth tokens: short-lived access tokens start with "sl." (about 140 characters, longer for
// "sl.u." tokens); legacy long-lived tokens are 64 characters with ten A's after the 11th
// (dropbox.com/developers/documentation, OAuth guide). The latter only in a Dropbox setting.

const fake = fakes('dropbox');

export const DROPBOX_RULES: readonly Rule[] = [
  {
    id: 'dropbox-short-lived-token',
    description: 'Dropbox short-lived access token (sl.…)',
    keywords: ['sl.'],
    pattern: /(?<![\w.-])sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400}(?![\w.-])/,
    entropy: 4,
    examples: {
      positive: [
        `DROPBOX_ACCESS_TOKEN=sl.B${fake.alnum(137)}`,
        `dbx = dropbox.Dropbox("sl.u.AF${fake.alnum(200)}")`,
      ],
      negative: [
        'dbx = dropbox.Dropbox(os.environ["DROPBOX_ACCESS_TOKEN"])',
        `DROPBOX_ACCESS_TOKEN=sl.B${fake.alnum(40)}`,
        'ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)',
      ],
    },
  },
  {
    id: 'dropbox-long-lived-token',
    description: 'Dropbox long-lived access token (legacy, in a Dropbox setting)',
    keywords: ['dropbox'],
    pattern:
      /dropbox[\w.-]{0,24}?["'\]]{0,2}\s{0,3}(?::=|=>|[:=]|\()\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43})(?![\w=-])/i,
    entropy: 3.5,
    examples: {
      positive: [
        `DROPBOX_TOKEN=${fake.alnum(11)}AAAAAAAAAA${fake.alnum(43)}`,
        `dbx = dropbox.Dropbox('${fake.alnum(11)}AAAAAAAAAA${fake.alnum(43)}')`,
      ],
      negative: [
        "dbx = dropbox.Dropbox(os.environ['DROPBOX_TOKEN'])",
        `DROPBOX_TOKEN=${fake.alnum(11)}BBBBBBBBBB${fake.alnum(43)}`,
      ],
    },
  },
];
