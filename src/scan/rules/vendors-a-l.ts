import type { Rule } from '../types.js';
import { ONEPASSWORD_RULES } from './vendors/1password.js';
import { ADAFRUIT_RULES } from './vendors/adafruit.js';
import { ADOBE_RULES } from './vendors/adobe.js';
import { AGE_RULES } from './vendors/age.js';
import { AIRTABLE_RULES } from './vendors/airtable.js';
import { ALGOLIA_RULES } from './vendors/algolia.js';
import { ALIBABA_RULES } from './vendors/alibaba.js';
import { APIFY_RULES } from './vendors/apify.js';
import { ASANA_RULES } from './vendors/asana.js';
import { AUTHRESS_RULES } from './vendors/authress.js';
import { AZURE_RULES } from './vendors/azure.js';
import { BEAMER_RULES } from './vendors/beamer.js';
import { BITTREX_RULES } from './vendors/bittrex.js';
import { BITWARDEN_RULES } from './vendors/bitwarden.js';
import { BRAINTREE_RULES } from './vendors/braintree.js';
import { BUILDKITE_RULES } from './vendors/buildkite.js';
import { CIRCLECI_RULES } from './vendors/circleci.js';
import { CLICKHOUSE_RULES } from './vendors/clickhouse.js';
import { CLOJARS_RULES } from './vendors/clojars.js';
import { CLOUDINARY_RULES } from './vendors/cloudinary.js';
import { CODECOV_RULES } from './vendors/codecov.js';
import { COHERE_RULES } from './vendors/cohere.js';
import { COINBASE_RULES } from './vendors/coinbase.js';
import { CONFLUENT_RULES } from './vendors/confluent.js';
import { CONTENTFUL_RULES } from './vendors/contentful.js';
import { CRATES_IO_RULES } from './vendors/crates-io.js';
import { DATABRICKS_RULES } from './vendors/databricks.js';
import { DEEPL_RULES } from './vendors/deepl.js';
import { DEEPSEEK_RULES } from './vendors/deepseek.js';
import { DEFINED_NETWORKING_RULES } from './vendors/defined-networking.js';
import { DENO_RULES } from './vendors/deno.js';
import { DOPPLER_RULES } from './vendors/doppler.js';
import { DRONE_RULES } from './vendors/drone.js';
import { DROPBOX_RULES } from './vendors/dropbox.js';
import { DUFFEL_RULES } from './vendors/duffel.js';
import { DYNATRACE_RULES } from './vendors/dynatrace.js';
import { EASYPOST_RULES } from './vendors/easypost.js';
import { ELEVENLABS_RULES } from './vendors/elevenlabs.js';
import { ETSY_RULES } from './vendors/etsy.js';
import { FACEBOOK_RULES } from './vendors/facebook.js';
import { FASTLY_RULES } from './vendors/fastly.js';
import { FIGMA_RULES } from './vendors/figma.js';
import { FINICITY_RULES } from './vendors/finicity.js';
import { FINNHUB_RULES } from './vendors/finnhub.js';
import { FIREBASE_RULES } from './vendors/firebase.js';
import { FIRECRAWL_RULES } from './vendors/firecrawl.js';
import { FLICKR_RULES } from './vendors/flickr.js';
import { FLUTTERWAVE_RULES } from './vendors/flutterwave.js';
import { FLYIO_RULES } from './vendors/flyio.js';
import { FRAMEIO_RULES } from './vendors/frameio.js';
import { FRESHBOOKS_RULES } from './vendors/freshbooks.js';
import { GCP_RULES } from './vendors/gcp.js';
import { GITTER_RULES } from './vendors/gitter.js';
import { GOCARDLESS_RULES } from './vendors/gocardless.js';
import { GRAFANA_RULES } from './vendors/grafana.js';
import { GROQ_RULES } from './vendors/groq.js';
import { HARNESS_RULES } from './vendors/harness.js';
import { HASHICORP_RULES } from './vendors/hashicorp.js';
import { HONEYCOMB_RULES } from './vendors/honeycomb.js';
import { HUBSPOT_RULES } from './vendors/hubspot.js';
import { INFRACOST_RULES } from './vendors/infracost.js';
import { INTERCOM_RULES } from './vendors/intercom.js';
import { INTRA42_RULES } from './vendors/intra42.js';
import { JENKINS_RULES } from './vendors/jenkins.js';
import { JFROG_RULES } from './vendors/jfrog.js';
import { KLAVIYO_RULES } from './vendors/klaviyo.js';
import { KRAKEN_RULES } from './vendors/kraken.js';
import { KUCOIN_RULES } from './vendors/kucoin.js';
import { LANGFUSE_RULES } from './vendors/langfuse.js';
import { LANGSMITH_RULES } from './vendors/langsmith.js';
import { LAUNCHDARKLY_RULES } from './vendors/launchdarkly.js';
import { LINKEDIN_RULES } from './vendors/linkedin.js';
import { LOB_RULES } from './vendors/lob.js';
import { LOOKER_RULES } from './vendors/looker.js';

/**
 * Rules for vendors A to L that token-preflight has no provider for: their findings stay unverified
 * (no `provider`). One file per vendor in `vendors/`, each rule with the examples the tests run.
 * Prefixed and structured formats stand alone; bare shapes (32 hex, 40 alphanumerics…) count only
 * as the value of a setting that names the vendor.
 */
export const VENDOR_RULES_A_L: readonly Rule[] = [
  ...ONEPASSWORD_RULES,
  ...ADAFRUIT_RULES,
  ...ADOBE_RULES,
  ...AGE_RULES,
  ...AIRTABLE_RULES,
  ...ALGOLIA_RULES,
  ...ALIBABA_RULES,
  ...APIFY_RULES,
  ...ASANA_RULES,
  ...AUTHRESS_RULES,
  ...AZURE_RULES,
  ...BEAMER_RULES,
  ...BITTREX_RULES,
  ...BITWARDEN_RULES,
  ...BRAINTREE_RULES,
  ...BUILDKITE_RULES,
  ...CIRCLECI_RULES,
  ...CLICKHOUSE_RULES,
  ...CLOJARS_RULES,
  ...CLOUDINARY_RULES,
  ...CODECOV_RULES,
  ...COHERE_RULES,
  ...COINBASE_RULES,
  ...CONFLUENT_RULES,
  ...CONTENTFUL_RULES,
  ...CRATES_IO_RULES,
  ...DATABRICKS_RULES,
  ...DEEPL_RULES,
  ...DEEPSEEK_RULES,
  ...DEFINED_NETWORKING_RULES,
  ...DENO_RULES,
  ...DOPPLER_RULES,
  ...DRONE_RULES,
  ...DROPBOX_RULES,
  ...DUFFEL_RULES,
  ...DYNATRACE_RULES,
  ...EASYPOST_RULES,
  ...ELEVENLABS_RULES,
  ...ETSY_RULES,
  ...FACEBOOK_RULES,
  ...FASTLY_RULES,
  ...FIGMA_RULES,
  ...FINICITY_RULES,
  ...FINNHUB_RULES,
  ...FIREBASE_RULES,
  ...FIRECRAWL_RULES,
  ...FLICKR_RULES,
  ...FLUTTERWAVE_RULES,
  ...FLYIO_RULES,
  ...FRAMEIO_RULES,
  ...FRESHBOOKS_RULES,
  ...GCP_RULES,
  ...GITTER_RULES,
  ...GOCARDLESS_RULES,
  ...GRAFANA_RULES,
  ...GROQ_RULES,
  ...HARNESS_RULES,
  ...HASHICORP_RULES,
  ...HONEYCOMB_RULES,
  ...HUBSPOT_RULES,
  ...INFRACOST_RULES,
  ...INTERCOM_RULES,
  ...INTRA42_RULES,
  ...JENKINS_RULES,
  ...JFROG_RULES,
  ...KLAVIYO_RULES,
  ...KRAKEN_RULES,
  ...KUCOIN_RULES,
  ...LANGFUSE_RULES,
  ...LANGSMITH_RULES,
  ...LAUNCHDARKLY_RULES,
  ...LINKEDIN_RULES,
  ...LOB_RULES,
  ...LOOKER_RULES,
];
