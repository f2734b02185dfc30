import type { Rule } from '../../types.js';
import { ASSIGN } from './kit.js';

// A bot token is three base64url segments; the first is the bot's user id (a snowflake of 17–20
// digits) in base64, so it starts with MT…NT…OT… and decodes to digits: that check keeps the shape
// from matching other dotted strings. Its first two characters are too common to look for, so the
// token counts where a bot's code puts it (as gitleaks' discord rules want the word discord): given
// to a Discord or token name, to client.login(…) / bot.run(…), or after `Authorization: Bot`.

/** `DISCORD_TOKEN=`, `"discordBotToken": "`, `TOKEN = '`, `client.login('`, `bot.run("`, `Bot `. */
const CONTEXT = String.raw`(?:(?:[Dd]iscord|DISCORD|[Tt]oken|TOKEN)[\w.-]{0,30}?${ASSIGN}|\.(?:login|run)\(\s{0,3}["'\x60]|\b(?:Bot|BOT|bot) {1,3})`;

const TOKEN = 'MTA5MzkzMDkzODg5NTEzMDQxOQ.I1VULB.nbhr_5jwOkkVmZ7BayJVUCbdUfCMyViulLoerS';
const TOKEN_2 = 'MTEzMTQ2MDQwMDk1MDIyNDU5Nw.u_D-Oz.5alheGCqE88fvhvyoK-fws9DsF-P3gpvm4bWR-';

/** The first segment decodes to a snowflake id. */
function snowflakeFirst(token: string): boolean {
  const first = token.slice(0, token.indexOf('.'));
  return /^\d{17,20}$/.test(Buffer.from(first, 'base64url').toString('latin1'));
}

export const DISCORD_RULES: readonly Rule[] = [
  {
    id: 'discord-bot-token',
    provider: 'discord',
    description: 'Discord bot token (base64 user id . timestamp . HMAC)',
    keywords: ['discord', 'token', '.login(', '.run(', 'bot '],
    pattern: new RegExp(
      String.raw`${CONTEXT}(?<![\w-])(?<secret>(?:M[Tjz]|N[DTjz]|O[DT])[A-Za-z0-9_-]{21,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![\w-])`,
    ),
    entropy: 4,
    validate: snowflakeFirst,
    examples: {
      positive: [
        `DISCORD_TOKEN=${TOKEN}`,
        `client.login('${TOKEN_2}');`,
        `bot.run("${TOKEN}")`,
        `curl -H "Authorization: Bot ${TOKEN_2}" https://discord.com/api/v10/users/@me`,
      ],
      negative: [
        // the first segment is not a base64 snowflake
        'DISCORD_TOKEN=MTB4OGZxMmt6OXc3bTNwNXQ0cg.I1VULB.nbhr_5jwOkkVmZ7BayJVUCbdUfCMyViulLoerS',
        'client.login(process.env.DISCORD_TOKEN);',
        `DISCORD_TOKEN=${TOKEN.split('.').slice(0, 2).join('.')}`,
      ],
    },
  },
];
