import type { Rule } from '../../types.js';
import { ASSIGN } from './kit.js';

// A bot token is `<bot id>:<35 characters>`, the secret part starting with A (AAE…, AAF…, AAH…).
// `:A` is in too many lines to look for, so the token counts where a bot's code puts it (as
// gitleaks' telegram rule wants `telegr`): given to a Telegram, bot or token name or call
// (`TELEGRAM_BOT_TOKEN=`, `TeleBot("`, `new Telegraf('`, `Bot(token="`, `.token("`), or in the Bot
// API's URLs (https://api.telegram.org/bot<token>/getMe).

const CONTEXT =
  String.raw`(?:(?:(?:[Tt]elegr|TELEGR|[Bb]ot|BOT|[Tt]oken|TOKEN)[\w.-]{0,30}?(?:${ASSIGN}|\(\s{0,3}(?:token\s{0,3}=\s{0,3})?["'\x60]))(?<![\w:/.-])|api\.telegram\.org\/(?:file\/)?bot)`;

const TOKEN = '7872535162:AArY1jjY4LsSCSXnRPGUp6mhWUvYv23RXsp';

export const TELEGRAM_RULES: readonly Rule[] = [
  {
    id: 'telegram-bot-token',
    provider: 'telegram',
    description: 'Telegram bot token (<bot id>:A…)',
    keywords: ['telegr', 'bot', 'token'],
    pattern: new RegExp(String.raw`${CONTEXT}(?<secret>\d{5,16}:A[A-Za-z0-9_-]{34})(?![\w-])`),
    entropy: 3.5,
    examples: {
      positive: [
        `TELEGRAM_BOT_TOKEN=${TOKEN}`,
        `requests.get(f"https://api.telegram.org/bot${TOKEN}/getMe")`,
        `bot = telebot.TeleBot("${TOKEN}")`,
        `const bot = new Telegraf('${TOKEN}');`,
      ],
      negative: [
        `TELEGRAM_BOT_TOKEN=1234:${TOKEN.split(':')[1]}`,
        `TELEGRAM_BOT_TOKEN=12345678:A${'a'.repeat(34)}`,
        '<xsd:element name="AgencyIdentificationCode" type="clm12345:AgencyIdentificationCodeContentType"/>',
        `TELEGRAM_BOT_TOKEN=${TOKEN}-extra`,
      ],
    },
  },
];
