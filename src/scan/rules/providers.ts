import type { Rule } from '../types.js';
import { plausible } from './providers/kit.js';
import { ANTHROPIC_RULES } from './providers/anthropic.js';
import { ATLASSIAN_RULES } from './providers/atlassian.js';
import { AWS_RULES } from './providers/aws.js';
import { AZURE_DEVOPS_RULES } from './providers/azure-devops.js';
import { CLOUDFLARE_RULES } from './providers/cloudflare.js';
import { DATADOG_RULES } from './providers/datadog.js';
import { DIGITALOCEAN_RULES } from './providers/digitalocean.js';
import { DISCORD_RULES } from './providers/discord.js';
import { DOCKER_HUB_RULES } from './providers/docker-hub.js';
import { GITHUB_RULES } from './providers/github.js';
import { GITLAB_RULES } from './providers/gitlab.js';
import { GOOGLE_RULES } from './providers/google.js';
import { HEROKU_RULES } from './providers/heroku.js';
import { HUGGINGFACE_RULES } from './providers/huggingface.js';
import { LINEAR_RULES } from './providers/linear.js';
import { MAILGUN_RULES } from './providers/mailgun.js';
import { NETLIFY_RULES } from './providers/netlify.js';
import { NOTION_RULES } from './providers/notion.js';
import { NPM_RULES } from './providers/npm.js';
import { OPENAI_RULES } from './providers/openai.js';
import { PAGERDUTY_RULES } from './providers/pagerduty.js';
import { POSTMAN_RULES } from './providers/postman.js';
import { SENDGRID_RULES } from './providers/sendgrid.js';
import { SENTRY_RULES } from './providers/sentry.js';
import { SHOPIFY_RULES } from './providers/shopify.js';
import { SLACK_RULES } from './providers/slack.js';
import { STRIPE_RULES } from './providers/stripe.js';
import { TELEGRAM_RULES } from './providers/telegram.js';
import { TWILIO_RULES } from './providers/twilio.js';
import { VERCEL_RULES } from './providers/vercel.js';

/** Each rule's own check, after the one that drops made-up samples (kit.ts `plausible`). */
function dropSamples(rule: Rule): Rule {
  const own = rule.validate;
  return { ...rule, validate: own ? (secret) => plausible(secret) && own(secret) : plausible };
}

/**
 * The rules of token-preflight's own providers (src/providers/registry.ts, but the generic http,
 * oauth2, oidc and jwt): each names the provider that can verify what it finds. One file a vendor
 * in providers/; their shared pieces are in providers/kit.ts.
 */
export const PROVIDER_RULES: readonly Rule[] = [
  ...ANTHROPIC_RULES,
  ...ATLASSIAN_RULES,
  ...AWS_RULES,
  ...AZURE_DEVOPS_RULES,
  ...CLOUDFLARE_RULES,
  ...DATADOG_RULES,
  ...DIGITALOCEAN_RULES,
  ...DISCORD_RULES,
  ...DOCKER_HUB_RULES,
  ...GITHUB_RULES,
  ...GITLAB_RULES,
  ...GOOGLE_RULES,
  ...HEROKU_RULES,
  ...HUGGINGFACE_RULES,
  ...LINEAR_RULES,
  ...MAILGUN_RULES,
  ...NETLIFY_RULES,
  ...NOTION_RULES,
  ...NPM_RULES,
  ...OPENAI_RULES,
  ...PAGERDUTY_RULES,
  ...POSTMAN_RULES,
  ...SENDGRID_RULES,
  ...SENTRY_RULES,
  ...SHOPIFY_RULES,
  ...SLACK_RULES,
  ...STRIPE_RULES,
  ...TELEGRAM_RULES,
  ...TWILIO_RULES,
  ...VERCEL_RULES,
].map(dropSamples);
