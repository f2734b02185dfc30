import type { Rule } from '../../types.js';
import { ALNUM, B64URL, HEX, fake, fakeUuid, plausible } from './kit-m-z.js';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

function teams(host: string, seed: string, v2 = false): string {
  const tail = v2 ? `/V2${fake(B64URL, 43, `${seed}-v2`)}` : '';
  return `https://${host}/${fakeUuid(`${seed}-group`)}@${fakeUuid(`${seed}-tenant`)}/IncomingWebhook/${fake(ALNUM, 32, `${seed}-id`)}/${fakeUuid(`${seed}-owner`)}${tail}`;
}

function workflow(host: string, path: string, version: string, seed: string): string {
  return `https://${host}:443${path}/workflows/${fake(HEX, 32, `${seed}-id`)}/triggers/manual/paths/invoke?api-version=${version}&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(B64URL, 43, `${seed}-sig`)}`;
}

export const MICROSOFT_RULES: readonly Rule[] = [
  {
    id: 'microsoft-teams-webhook',
    description: 'Microsoft Teams incoming webhook URL (Office 365 connector: webhook.office.com/webhookb2/…)',
    keywords: ['webhook.office.com', 'outlook.office'],
    pattern: new RegExp(
      `https://(?:[a-z0-9-]{1,63}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/${GUID}@${GUID}/IncomingWebhook/[0-9a-zA-Z]{32}/${GUID}(?:/V2[A-Za-z0-9_-]{20,80})?(?![\\w-])`,
    ),
    validate: plausible,
    examples: {
      positive: [
        `TEAMS_WEBHOOK_URL=${teams('contoso.webhook.office.com/webhookb2', 'teams-1', true)}`,
        `  webhook_url: "${teams('outlook.office.com/webhook', 'teams-2')}"`,
      ],
      negative: [
        'TEAMS_WEBHOOK_URL=https://contoso.webhook.office.com/webhookb2/12345678-abcd-1234-abcd-123456789012@12345678-abcd-1234-abcd-123456789012/IncomingWebhook/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/12345678-abcd-1234-abcd-123456789012',
        'webhook_url: ${{ secrets.TEAMS_WEBHOOK_URL }}',
        'See https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
      ],
    },
  },
  {
    id: 'microsoft-workflow-webhook-url',
    description: 'Power Automate / Logic Apps HTTP-trigger URL with its sig= signature (the Workflows that replace Teams webhooks)',
    keywords: ['/workflows/'],
    pattern:
      /https:\/\/[a-z0-9.-]{1,120}\.(?:logic\.azure\.com|api\.powerplatform\.com)(?::443)?(?:\/[A-Za-z0-9._-]{1,60}){0,4}\/workflows\/[0-9a-f]{32}\/triggers\/[A-Za-z0-9_.-]{1,80}\/paths\/invoke\?[A-Za-z0-9%&=._-]{0,300}?sig=[A-Za-z0-9_-]{43}(?![\w-])/,
    validate: plausible,
    examples: {
      positive: [
        `TEAMS_WORKFLOW_URL=${workflow('prod-27.westeurope.logic.azure.com', '', '2016-06-01', 'workflow-1')}`,
        `  url: "${workflow('default9f3c.42.environment.api.powerplatform.com', '/powerautomate/automations/direct', '1', 'workflow-2')}"`,
      ],
      negative: [
        'TEAMS_WORKFLOW_URL=https://prod-27.westeurope.logic.azure.com:443/workflows/<workflow-id>/triggers/manual/paths/invoke?api-version=2016-06-01&sig=<signature>',
        `curl -X POST "https://prod-27.westeurope.logic.azure.com:443/workflows/${fake(HEX, 32, 'workflow-3')}/triggers/manual/paths/invoke?api-version=2016-06-01"`,
        'url: ${{ secrets.TEAMS_WORKFLOW_URL }}',
      ],
    },
  },
];
