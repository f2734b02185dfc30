import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// CLOUDINARY_URL: cloudinary://<15-digit API key>:<27-character API secret>@<cloud name>
// (cloudinary.com/documentation, "Configuration parameters"). The API secret is the secret.

const fake = fakes('cloudinary');

export const CLOUDINARY_RULES: readonly Rule[] = [
  {
    id: 'cloudinary-url',
    description: 'Cloudinary URL with an API secret (cloudinary://key:secret@cloud)',
    keywords: ['cloudinary://'],
    pattern: /\bcloudinary:\/\/\d{15}:(?<secret>[A-Za-z0-9_-]{27})@[A-Za-z0-9_-]{2,60}/,
    entropy: 3.5,
    examples: {
      positive: [
        `CLOUDINARY_URL=cloudinary://${fake.digits(15)}:${fake.alnum(27)}@acme-media`,
        `  cloudinary_url: "cloudinary://${fake.digits(15)}:${fake.alnum(27)}@shop-assets"`,
      ],
      negative: [
        'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>',
        `CLOUDINARY_URL=cloudinary://${fake.digits(15)}:\${CLOUDINARY_API_SECRET}@acme-media`,
      ],
    },
  },
];
