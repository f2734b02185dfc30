import type { Rule } from '../types.js';
import { MAILCHIMP_RULES } from './vendors/mailchimp.js';
import { MAPBOX_RULES } from './vendors/mapbox.js';
import { MATTERMOST_RULES } from './vendors/mattermost.js';
import { MERCADOPAGO_RULES } from './vendors/mercadopago.js';
import { MESSAGEBIRD_RULES } from './vendors/messagebird.js';
import { MICROSOFT_RULES } from './vendors/microsoft.js';
import { MIDTRANS_RULES } from './vendors/midtrans.js';
import { MISTRAL_RULES } from './vendors/mistral.js';
import { MOLLIE_RULES } from './vendors/mollie.js';
import { MONGODB_RULES } from './vendors/mongodb.js';
import { NEON_RULES } from './vendors/neon.js';
import { NETRC_RULES } from './vendors/netrc.js';
import { NEW_RELIC_RULES } from './vendors/new-relic.js';
import { NGROK_RULES } from './vendors/ngrok.js';
import { NUGET_RULES } from './vendors/nuget.js';
import { NVIDIA_RULES } from './vendors/nvidia.js';
import { NYTIMES_RULES } from './vendors/nytimes.js';
import { OCTOPUS_DEPLOY_RULES } from './vendors/octopus-deploy.js';
import { OKTA_RULES } from './vendors/okta.js';
import { OPENROUTER_RULES } from './vendors/openrouter.js';
import { OPENSHIFT_RULES } from './vendors/openshift.js';
import { OPSGENIE_RULES } from './vendors/opsgenie.js';
import { PADDLE_RULES } from './vendors/paddle.js';
import { PERPLEXITY_RULES } from './vendors/perplexity.js';
import { PINECONE_RULES } from './vendors/pinecone.js';
import { PLAID_RULES } from './vendors/plaid.js';
import { PLANETSCALE_RULES } from './vendors/planetscale.js';
import { POSTHOG_RULES } from './vendors/posthog.js';
import { POSTMARK_RULES } from './vendors/postmark.js';
import { PREFECT_RULES } from './vendors/prefect.js';
import { PUBNUB_RULES } from './vendors/pubnub.js';
import { PULUMI_RULES } from './vendors/pulumi.js';
import { PUSHER_RULES } from './vendors/pusher.js';
import { PYPI_RULES } from './vendors/pypi.js';
import { RAPIDAPI_RULES } from './vendors/rapidapi.js';
import { RAZORPAY_RULES } from './vendors/razorpay.js';
import { README_RULES } from './vendors/readme.js';
import { RENDER_RULES } from './vendors/render.js';
import { REPLICATE_RULES } from './vendors/replicate.js';
import { RESEND_RULES } from './vendors/resend.js';
import { ROLLBAR_RULES } from './vendors/rollbar.js';
import { ROOTLY_RULES } from './vendors/rootly.js';
import { RUBYGEMS_RULES } from './vendors/rubygems.js';
import { SALESFORCE_RULES } from './vendors/salesforce.js';
import { SANITY_RULES } from './vendors/sanity.js';
import { SCALEWAY_RULES } from './vendors/scaleway.js';
import { SCALINGO_RULES } from './vendors/scalingo.js';
import { SEGMENT_RULES } from './vendors/segment.js';
import { SENDBIRD_RULES } from './vendors/sendbird.js';
import { SENDINBLUE_RULES } from './vendors/sendinblue.js';
import { SETTLEMINT_RULES } from './vendors/settlemint.js';
import { SHIPPO_RULES } from './vendors/shippo.js';
import { SIDEKIQ_RULES } from './vendors/sidekiq.js';
import { SLACK_WEBHOOK_RULES } from './vendors/slack-webhook.js';
import { SNYK_RULES } from './vendors/snyk.js';
import { SONAR_RULES } from './vendors/sonar.js';
import { SOURCEGRAPH_RULES } from './vendors/sourcegraph.js';
import { SPARKPOST_RULES } from './vendors/sparkpost.js';
import { SPLUNK_RULES } from './vendors/splunk.js';
import { SQUARE_RULES } from './vendors/square.js';
import { SQUARESPACE_RULES } from './vendors/squarespace.js';
import { SUMOLOGIC_RULES } from './vendors/sumologic.js';
import { SUPABASE_RULES } from './vendors/supabase.js';
import { TAILSCALE_RULES } from './vendors/tailscale.js';
import { TAVILY_RULES } from './vendors/tavily.js';
import { TEAMCITY_RULES } from './vendors/teamcity.js';
import { TODOIST_RULES } from './vendors/todoist.js';
import { TOGETHER_RULES } from './vendors/together.js';
import { TRAVIS_CI_RULES } from './vendors/travis-ci.js';
import { TRELLO_RULES } from './vendors/trello.js';
import { TWITCH_RULES } from './vendors/twitch.js';
import { TWITTER_RULES } from './vendors/twitter.js';
import { TYPEFORM_RULES } from './vendors/typeform.js';
import { VULTR_RULES } from './vendors/vultr.js';
import { WANDB_RULES } from './vendors/wandb.js';
import { WIREGUARD_RULES } from './vendors/wireguard.js';
import { XAI_RULES } from './vendors/xai.js';
import { YANDEX_RULES } from './vendors/yandex.js';
import { ZAPIER_RULES } from './vendors/zapier.js';
import { ZENDESK_RULES } from './vendors/zendesk.js';
import { ZOHO_RULES } from './vendors/zoho.js';

/**
 * Leak-scan rules for vendors M–Z that token-preflight has no provider for (so no `provider`): one
 * file per vendor in `vendors/`, shared pieces in `vendors/kit-m-z.ts`. Prefixed formats where the
 * vendor has one; bare shapes only as the value of a name that mentions the vendor. Where gitleaks
 * has a rule for the same kind of secret the id is gitleaks' own, so `.gitleaksignore` entries apply.
 */
export const VENDOR_RULES_M_Z: readonly Rule[] = [
  ...MAILCHIMP_RULES,
  ...MAPBOX_RULES,
  ...MATTERMOST_RULES,
  ...MERCADOPAGO_RULES,
  ...MESSAGEBIRD_RULES,
  ...MICROSOFT_RULES,
  ...MIDTRANS_RULES,
  ...MISTRAL_RULES,
  ...MOLLIE_RULES,
  ...MONGODB_RULES,
  ...NEON_RULES,
  ...NETRC_RULES,
  ...NEW_RELIC_RULES,
  ...NGROK_RULES,
  ...NUGET_RULES,
  ...NVIDIA_RULES,
  ...NYTIMES_RULES,
  ...OCTOPUS_DEPLOY_RULES,
  ...OKTA_RULES,
  ...OPENROUTER_RULES,
  ...OPENSHIFT_RULES,
  ...OPSGENIE_RULES,
  ...PADDLE_RULES,
  ...PERPLEXITY_RULES,
  ...PINECONE_RULES,
  ...PLAID_RULES,
  ...PLANETSCALE_RULES,
  ...POSTHOG_RULES,
  ...POSTMARK_RULES,
  ...PREFECT_RULES,
  ...PUBNUB_RULES,
  ...PULUMI_RULES,
  ...PUSHER_RULES,
  ...PYPI_RULES,
  ...RAPIDAPI_RULES,
  ...RAZORPAY_RULES,
  ...README_RULES,
  ...RENDER_RULES,
  ...REPLICATE_RULES,
  ...RESEND_RULES,
  ...ROLLBAR_RULES,
  ...ROOTLY_RULES,
  ...RUBYGEMS_RULES,
  ...SALESFORCE_RULES,
  ...SANITY_RULES,
  ...SCALEWAY_RULES,
  ...SCALINGO_RULES,
  ...SEGMENT_RULES,
  ...SENDBIRD_RULES,
  ...SENDINBLUE_RULES,
  ...SETTLEMINT_RULES,
  ...SHIPPO_RULES,
  ...SIDEKIQ_RULES,
  ...SLACK_WEBHOOK_RULES,
  ...SNYK_RULES,
  ...SONAR_RULES,
  ...SOURCEGRAPH_RULES,
  ...SPARKPOST_RULES,
  ...SPLUNK_RULES,
  ...SQUARE_RULES,
  ...SQUARESPACE_RULES,
  ...SUMOLOGIC_RULES,
  ...SUPABASE_RULES,
  ...TAILSCALE_RULES,
  ...TAVILY_RULES,
  ...TEAMCITY_RULES,
  ...TODOIST_RULES,
  ...TOGETHER_RULES,
  ...TRAVIS_CI_RULES,
  ...TRELLO_RULES,
  ...TWITCH_RULES,
  ...TWITTER_RULES,
  ...TYPEFORM_RULES,
  ...VULTR_RULES,
  ...WANDB_RULES,
  ...WIREGUARD_RULES,
  ...XAI_RULES,
  ...YANDEX_RULES,
  ...ZAPIER_RULES,
  ...ZENDESK_RULES,
  ...ZOHO_RULES,
];
