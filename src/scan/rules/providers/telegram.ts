import type { Rule } from '../../types.js';

// A bot token is `<bot id>:<35 characters>`, the secret part starting with A (AAE…, AAF…, AAH…):
// the digits-colon-A shape is specific enough with its boundaries, including in the Bot API's URLs
// (https://api.telegram.org/bot<token>/getMe).

const TOKEN = '7872535162:AArY1jjY4LsSCSXnRPGUp6mhWUvYv23RXsp';

export const TELEGRAM_RULES: readonly Rule[] = [
  {
    id: 'telegram-bot-token',
    provider: 'telegram',
    description: 'Telegram bot token (<bot id>:A…)',
    keywords: [':a'],
    pattern: /(?:(?<=\/bot)|(?<![\w:/.-]))(?<secret>\d{5,16}:A[A-Za-z0-9_-]{34})(?![\w-])/,
    entropy: 3.5,
    examples: {
      positive: [`TELEGRAM_BOT_TOKEN=${TOKEN}`, `requests.get(f"https://api.telegram.org/bot${TOKEN}/getMe")`, `bot = telebot.TeleBot("${TOKEN}")`],
      negative: [
        `TELEGRAM_BOT_TOKEN=1234:${TOKEN.split(':')[1]}`,
        `TELEGRAM_BOT_TOKEN=12345678:A${'a'.repeat(34)}`,
        '<xsd:element name="AgencyIdentificationCode" type="clm12345:AgencyIdentificationCodeContentType"/>',
        `TELEGRAM_BOT_TOKEN=${TOKEN}-extra`,
      ],
    },
  },
];
