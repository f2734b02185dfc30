import { anthropic } from './anthropic.js';
import { atlassian } from './atlassian.js';
import { aws } from './aws.js';
import { azureDevops } from './azure-devops.js';
import { bitbucket } from './bitbucket.js';
import { cloudflare } from './cloudflare.js';
import { digitalocean } from './digitalocean.js';
import { dockerHub } from './docker-hub.js';
import { datadog } from './datadog.js';
import { discord } from './discord.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { googleApiKey } from './google-api-key.js';
import { googleServiceAccount } from './google-service-account.js';
import { heroku } from './heroku.js';
import { http } from './http.js';
import { huggingface } from './huggingface.js';
import { jwt } from './jwt.js';
import { linear } from './linear.js';
import { mailgun } from './mailgun.js';
import { netlify } from './netlify.js';
import { notion } from './notion.js';
import { npm } from './npm.js';
import { oauth2 } from './oauth2.js';
import { oidc } from './oidc.js';
import { openai } from './openai.js';
import { pagerduty } from './pagerduty.js';
import { postman } from './postman.js';
import type { Provider } from './provider.js';
import { sendgrid } from './sendgrid.js';
import { sentry } from './sentry.js';
import { shopify } from './shopify.js';
import { slack } from './slack.js';
import { stripe } from './stripe.js';
import { telegram } from './telegram.js';
import { twilio } from './twilio.js';
import { vercel } from './vercel.js';

/**
 * Every provider token-preflight knows. A new provider is one file in this folder and one line
 * here; the config schema, the `providers` command and the README's table are generated from it.
 */
export const PROVIDERS: readonly Provider[] = [anthropic, atlassian, aws, azureDevops, bitbucket, cloudflare, datadog, digitalocean, discord, dockerHub, github, gitlab, googleApiKey, googleServiceAccount, heroku, huggingface, linear, mailgun, netlify, notion, npm, openai, pagerduty, postman, sendgrid, sentry, shopify, slack, stripe, telegram, twilio, vercel, jwt, oauth2, oidc, http];

export function findProvider(id: string): Provider | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
}

export function providerIds(): string[] {
  return PROVIDERS.map((provider) => provider.id);
}

/** The part that `previous-secret: VARIABLE` replaces: the one marked `rotates`, else the only one. */
export function rotatingField(provider: Provider): string {
  return (provider.fields.find((field) => field.rotates) ?? provider.fields[0]!).id;
}
