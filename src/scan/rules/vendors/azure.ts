import type { Rule } from '../../types.js';
import { fakes } from './kit-a-l.js';

// Microsoft's identifiable keys carry a fixed signature at a fixed offset (+ASt for storage,
// ACDb for Cosmos DB, AzFu for functions, JQQJ99 for the 84-character "common annotated" keys…):
// microsoft/security-utilities GeneratedRegexPatterns/*.json (SEC101/1xx, SEC101/2xx). The older
// unsignatured keys (88-character storage keys, 44-character SAS keys) are found only where a
// connection string or a key setting names them. Azure DevOps PATs (…AZDO…) belong to the
// azure-devops provider's rules, not to these.

const fake = fakes('azure');

/**
 * Keys published in Microsoft's documentation for the local emulators (Azurite, the Cosmos DB
 * emulator): the same for everyone, so no secret.
 */
const EMULATOR_KEYS = new Set([
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==',
]);

export const AZURE_RULES: readonly Rule[] = [
  {
    id: 'azure-storage-account-key',
    description: 'Azure Storage account access key (identifiable format, +ASt signature)',
    keywords: ['+ast'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{76}\+ASt[A-Za-z0-9+/]{5}[AQgw]==)(?![\w+/=-])/,
    examples: {
      positive: [
        `AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=contosodata01;AccountKey=${fake.b64(76)}+ASt${fake.b64(5)}g==;EndpointSuffix=core.windows.net"`,
        `  storage_account_key: "${fake.b64(76)}+ASt${fake.b64(5)}Q=="`,
        // in a connection string, where azure-storage-key-legacy leaves an identifiable key to this rule
        `AccountKey=${fake.b64(76)}+ASt${fake.b64(5)}A==;EndpointSuffix=core.windows.net`,
      ],
      negative: [
        'AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;',
        `storage_account_key: "${fake.b64(76)}+ASt${fake.b64(5)}Q==extra"`,
        'AZURE_STORAGE_KEY: ${{ secrets.AZURE_STORAGE_KEY }}',
      ],
    },
  },
  {
    id: 'azure-storage-key-legacy',
    description: 'Azure Storage, Cosmos DB or Batch account key (88 characters, unsignatured) in a connection string or key setting',
    keywords: ['accountkey', 'account_key', 'account-key', 'storagekey', 'storage_key', 'storage-key', 'accesskey', 'access_key', 'access-key'],
    pattern:
      /(?:account|storage)[_-]?(?:access[_-]?)?key["'\]]{0,2}\s{0,3}(?::=|=>|[:=])\s{0,3}["'`]?(?![A-Za-z0-9+/]{76}(?:\+ASt|ACDb|APIM))(?<secret>[A-Za-z0-9+/]{86}==)(?![\w+/=-])/i,
    entropy: 4,
    validate: (secret) => !EMULATOR_KEYS.has(secret),
    examples: {
      positive: [
        `"ConnectionStrings": { "Blob": "DefaultEndpointsProtocol=https;AccountName=fabrikamlogs;AccountKey=${fake.b64(86)}==;EndpointSuffix=core.windows.net" }`,
        `export AZURE_STORAGE_ACCESS_KEY=${fake.b64(86)}==`,
        `CosmosDb__ConnectionString=AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=${fake.b64(86)}==;`,
      ],
      negative: [
        'UseDevelopmentStorage=true;DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;',
        'AccountKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx==',
        'azure_storage_account_key = os.environ["AZURE_STORAGE_ACCOUNT_KEY"]',
        // (an identifiable +ASt key is azure-storage-account-key's: one of its positive examples)
        `AccountKey=${fake.b64(60)}==;`,
      ],
    },
  },
  {
    id: 'azure-cosmosdb-key',
    description: 'Azure Cosmos DB account key (identifiable format, ACDb signature)',
    keywords: ['acdb'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{76}ACDb[A-Za-z0-9+/]{5}[AQgw]==)(?![\w+/=-])/,
    examples: {
      positive: [
        `COSMOS_CONNECTION="AccountEndpoint=https://orders-db.documents.azure.com:443/;AccountKey=${fake.b64(76)}ACDb${fake.b64(5)}w==;"`,
        `  primaryKey: ${fake.b64(76)}ACDb${fake.b64(5)}A==`,
      ],
      negative: [
        `cosmos.primaryKey = "${fake.b64(76)}ACDB${fake.b64(5)}A=="`,
        'COSMOS_KEY: "<primary key from the portal>"',
      ],
    },
  },
  {
    id: 'azure-ad-client-secret',
    description: 'Microsoft Entra ID (Azure AD) application client secret',
    // The digit before Q~ with it: every secret holds one of these (Q~ alone is in most minified CSS).
    keywords: ['0q~', '1q~', '2q~', '3q~', '4q~', '5q~', '6q~', '7q~', '8q~', '9q~'],
    pattern: /(?<![\w~.+/-])(?<secret>[\w~.-]{3}\dQ~[\w~.-]{31,34})(?![\w~.+/-])/,
    entropy: 3,
    examples: {
      positive: [
        `AZURE_CLIENT_SECRET=${fake.alnum(3)}8Q~${fake.alnum(12)}.${fake.alnum(10)}_${fake.alnum(10)}`,
        `"ClientSecret": "${fake.alnum(3)}7Q~${fake.alnum(9)}-${fake.alnum(24)}"`,
      ],
      negative: [
        'client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        '.ui.visible.right.sidebar~.ui.visible.left.sidebar~.pusher{transform:translate3d(0,0,0)}',
        'AZURE_CLIENT_SECRET: ${{ secrets.AZURE_CLIENT_SECRET }}',
      ],
    },
  },
  {
    id: 'azure-function-key',
    description: 'Azure Functions access key (identifiable format, AzFu signature)',
    keywords: ['azfu'],
    pattern: /(?<![\w-])(?<secret>[\w-]{44}AzFu[\w-]{5}[AQgw]==)(?![\w+/=-])/,
    examples: {
      positive: [
        `curl "https://orders-fn.azurewebsites.net/api/ingest?code=${fake.alnum(44)}AzFu${fake.alnum(5)}Q=="`,
        `"x-functions-key": "${fake.alnum(44)}AzFu${fake.alnum(5)}g=="`,
        // in a function URL, where azure-function-key-legacy leaves an identifiable key to this rule
        `ORDERS_WEBHOOK=https://orders-fn.azurewebsites.net/api/ingest?code=${fake.alnum(44)}AzFu${fake.alnum(5)}Q==`,
      ],
      negative: [
        'curl "https://orders-fn.azurewebsites.net/api/ingest?code=${FUNCTION_KEY}"',
        `"x-functions-key": "${fake.alnum(30)}AzFu${fake.alnum(5)}g=="`,
      ],
    },
  },
  {
    id: 'azure-function-key-legacy',
    description: 'Azure Functions access key (unsignatured) in a function URL\'s code= parameter',
    keywords: ['.azurewebsites.net/api/'],
    pattern:
      /\.azurewebsites\.net\/api\/[\w/-]{1,100}\?(?:[^\s"'#<>]{0,200}&)?code=(?![\w-]{44}AzFu)(?<secret>[A-Za-z0-9_/+-]{40,100}(?:==|%3D%3D)?)(?![\w%+/=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `ORDERS_WEBHOOK=https://orders-fn.azurewebsites.net/api/ingest?code=${fake.alnum(54)}==`,
        `fetch("https://thumbnails-prod.azurewebsites.net/api/resize?width=320&code=${fake.alnum(30)}-${fake.alnum(23)}%3D%3D")`,
      ],
      negative: [
        'ORDERS_WEBHOOK=https://orders-fn.azurewebsites.net/api/ingest?code=${FUNCTION_KEY}',
        'https://orders-fn.azurewebsites.net/api/ingest?code=<function-key>',
        // (an identifiable AzFu key is azure-function-key's: one of its positive examples)
      ],
    },
  },
  {
    id: 'azure-search-key',
    description: 'Azure AI Search admin or query key (identifiable format, AzSe signature)',
    keywords: ['azse'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5})(?![\w+/=-])/,
    examples: {
      positive: [
        `AZURE_SEARCH_ADMIN_KEY=${fake.alnum(42)}AzSeB${fake.alnum(5)}`,
        `search_client = SearchClient(endpoint, "products", AzureKeyCredential("${fake.alnum(42)}AzSeD${fake.alnum(5)}"))`,
      ],
      negative: [
        `AZURE_SEARCH_ADMIN_KEY=${fake.alnum(42)}AzSeZ${fake.alnum(5)}`,
        'AZURE_SEARCH_ADMIN_KEY=<admin-key>',
      ],
    },
  },
  {
    id: 'azure-messaging-key',
    description: 'Azure Service Bus, Event Hubs or Relay shared access key (identifiable format, +ASb/+AEh/+ARm signature)',
    keywords: ['+asb', '+aeh', '+arm'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{33}\+A(?:Sb|Eh|Rm)[A-P][A-Za-z0-9+/]{5}=)(?![\w+/=-])/,
    examples: {
      positive: [
        `SERVICEBUS_CONNECTION=Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake.b64(33)}+ASbC${fake.b64(5)}=`,
        `"EventHubConnection": "Endpoint=sb://telemetry.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${fake.b64(33)}+AEhH${fake.b64(5)}=;EntityPath=events"`,
      ],
      negative: [
        `SharedAccessKey=${fake.b64(33)}+ASbZ${fake.b64(5)}=`,
        'SERVICEBUS_CONNECTION=Endpoint=sb://orders-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>',
      ],
    },
  },
  {
    id: 'azure-shared-access-key-legacy',
    description: 'Azure Service Bus, Event Hubs, Relay or IoT Hub shared access key (44-character legacy format) in a connection string',
    keywords: ['sharedaccesskey='],
    pattern: /SharedAccessKey=(?![A-Za-z0-9+/]{33}(?:\+ASb|\+AEh|\+ARm|AIoT|AzCa|AZEG))(?<secret>[A-Za-z0-9+/]{43}=)(?![\w+/=-])/i,
    entropy: 4,
    examples: {
      positive: [
        `SERVICEBUS_CONNECTION=Endpoint=sb://legacy-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${fake.b64(43)}=`,
        `"IotHubConnectionString": "HostName=plant-7.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=${fake.b64(43)}="`,
      ],
      negative: [
        'Endpoint=sb://legacy-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={SharedAccessKey}',
        'SharedAccessKey=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=',
        // (an identifiable AIoT key is azure-iot-key's: one of its positive examples)
      ],
    },
  },
  {
    id: 'azure-iot-key',
    description: 'Azure IoT Hub, device or Device Provisioning shared access key (identifiable format, AIoT signature)',
    keywords: ['aiot'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{33}AIoT[A-P][A-Za-z0-9+/]{5}=)(?![\w+/=-])/,
    examples: {
      positive: [
        `IOTHUB_DEVICE_CONNECTION_STRING="HostName=plant-7.azure-devices.net;DeviceId=press-04;SharedAccessKey=${fake.b64(33)}AIoTK${fake.b64(5)}="`,
        `  symmetricKey: ${fake.b64(33)}AIoTA${fake.b64(5)}=`,
        // in a connection string, where azure-shared-access-key-legacy leaves an identifiable key to this rule
        `SharedAccessKey=${fake.b64(33)}AIoTB${fake.b64(5)}=`,
      ],
      negative: [
        'IOTHUB_DEVICE_CONNECTION_STRING="HostName=plant-7.azure-devices.net;DeviceId=press-04;SharedAccessKey=${DEVICE_KEY}"',
        `symmetricKey: ${fake.b64(33)}AIoTK${fake.b64(5)}`,
      ],
    },
  },
  {
    id: 'azure-cache-redis-key',
    description: 'Azure Cache for Redis access key (identifiable format, AzCa signature)',
    keywords: ['azca'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{33}AzCa[A-P][A-Za-z0-9+/]{5}=)(?![\w+/=-])/,
    examples: {
      positive: [
        `REDIS_URL=rediss://:${fake.alnum(33)}AzCaF${fake.alnum(5)}=@sessions.redis.cache.windows.net:6380/0`,
        `"Redis": "sessions.redis.cache.windows.net:6380,password=${fake.b64(33)}AzCaJ${fake.b64(5)}=,ssl=True,abortConnect=False"`,
      ],
      negative: [
        '"Redis": "sessions.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True"',
        `REDIS_PASSWORD=${fake.alnum(33)}AzCaF${fake.alnum(5)}=trailing`,
      ],
    },
  },
  {
    id: 'azure-event-grid-key',
    description: 'Azure Event Grid topic or domain access key (identifiable format, AZEG signature)',
    keywords: ['azeg'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{33}AZEG[A-P][A-Za-z0-9+/]{5}=)(?![\w+/=-])/,
    examples: {
      positive: [
        `EVENTGRID_TOPIC_KEY=${fake.b64(33)}AZEGB${fake.b64(5)}=`,
        `client = EventGridPublisherClient(endpoint, AzureKeyCredential("${fake.b64(33)}AZEGM${fake.b64(5)}="))`,
      ],
      negative: [
        `EVENTGRID_TOPIC_KEY=${fake.b64(33)}AZEGz${fake.b64(5)}=`,
        'EVENTGRID_TOPIC_KEY=$(az eventgrid topic key list --name orders --query key1 -o tsv)',
      ],
    },
  },
  {
    id: 'azure-container-registry-password',
    description: 'Azure Container Registry access key or token password (identifiable format, +ACR signature)',
    keywords: ['+acr'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{42}\+ACR[A-D][A-Za-z0-9+/]{5})(?![\w+/=-])/,
    examples: {
      positive: [
        `echo "${fake.b64(42)}+ACRB${fake.b64(5)}" | docker login contosoregistry.azurecr.io -u contosoregistry --password-stdin`,
        `  password: ${fake.b64(42)}+ACRA${fake.b64(5)}`,
      ],
      negative: [
        'echo "$ACR_PASSWORD" | docker login contosoregistry.azurecr.io -u contosoregistry --password-stdin',
        `  password: ${fake.b64(42)}+ACRX${fake.b64(5)}`,
      ],
    },
  },
  {
    id: 'azure-apim-key',
    description: 'Azure API Management subscription, gateway or management key (identifiable format, APIM signature)',
    keywords: ['apim'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9+/]{76}APIM[A-Za-z0-9+/]{5}[AQgw]==)(?![\w+/=-])/,
    examples: {
      positive: [
        `curl -H "Ocp-Apim-Subscription-Key: ${fake.b64(76)}APIM${fake.b64(5)}Q==" https://contoso.azure-api.net/orders`,
        `APIM_GATEWAY_TOKEN=${fake.b64(76)}APIM${fake.b64(5)}w==`,
      ],
      negative: [
        'curl -H "Ocp-Apim-Subscription-Key: $APIM_KEY" https://contoso.azure-api.net/orders',
        `APIM_GATEWAY_TOKEN=${fake.b64(76)}APIM${fake.b64(5)}Z==`,
      ],
    },
  },
  {
    id: 'azure-ai-services-key',
    description: 'Azure AI services or Azure OpenAI key (84-character annotated format, JQQJ99…ACOG)',
    keywords: ['jqqj'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9]{52}JQQJ99[A-Za-z0-9][A-L][A-Za-z0-9]{12}AAA[A-Za-z]ACOG[A-Za-z0-9]{4})(?![\w+/=-])/,
    examples: {
      positive: [
        `AZURE_OPENAI_API_KEY=${fake.alnum(52)}JQQJ99BC${fake.alnum(12)}AAABACOG${fake.alnum(4)}`,
        `speech_config = speechsdk.SpeechConfig(subscription="${fake.alnum(52)}JQQJ99AK${fake.alnum(12)}AAAYACOG${fake.alnum(4)}", region="westeurope")`,
      ],
      negative: [
        `AZURE_OPENAI_API_KEY=${fake.hex(32)}`,
        'AZURE_OPENAI_API_KEY=<your-azure-openai-key>',
      ],
    },
  },
  {
    id: 'azure-annotated-key',
    description: 'Azure App Configuration, Event Grid, Maps, Communication Services, Fluid Relay, Mixed Reality or SQL key (84-character annotated format, JQQJ99)',
    keywords: ['jqqj'],
    pattern: /(?<![\w+/-])(?<secret>[A-Za-z0-9]{52}JQQJ99[A-Za-z0-9][A-L][A-Za-z0-9]{12}AAAA(?:AZ(?:AC|FR|EG|MP|CS|MR)|msql)[A-Za-z0-9]{4})(?![\w+/=-])/,
    examples: {
      positive: [
        `AZURE_MAPS_KEY=${fake.alnum(52)}JQQJ99CF${fake.alnum(12)}AAAAAZMP${fake.alnum(4)}`,
        `"communicationServices": "endpoint=https://notify.communication.azure.com/;accesskey=${fake.alnum(52)}JQQJ99AK${fake.alnum(12)}AAAAAZCS${fake.alnum(4)}"`,
      ],
      negative: [
        // (an AZDO key is azure-devops-pat's: one of its positive examples)
        'AZURE_MAPS_KEY=<subscription key>',
        // a service tag none of these keys has
        `AZURE_MAPS_KEY=${fake.alnum(52)}JQQJ99CF${fake.alnum(12)}AAAAAZXX${fake.alnum(4)}`,
      ],
    },
  },
  {
    id: 'azure-app-configuration-connection-string',
    description: 'Azure App Configuration connection string secret',
    keywords: ['.azconfig.io'],
    pattern: /Endpoint=https:\/\/[a-z0-9-]{1,60}\.azconfig\.io\/?;Id=[\w+/=:-]{4,40};Secret=(?<secret>[A-Za-z0-9+/]{42,43}=)(?![\w+/=-])/i,
    entropy: 4,
    examples: {
      positive: [
        `APP_CONFIG_CONNECTION="Endpoint=https://shop-settings.azconfig.io;Id=${fake.alnum(4)}-l0-s0:${fake.alnum(20)};Secret=${fake.b64(43)}="`,
        `    private const string AppConfig = "Endpoint=https://appcs-prod-weu.azconfig.io;Id=${fake.alnum(4)}-l9-s0:${fake.alnum(20)};Secret=${fake.b64(43)}=";`,
      ],
      negative: [
        'az appconfig kv list --connection-string "Endpoint=https://contoso.azconfig.io;Id=xxx;Secret=xxx"',
        `APP_CONFIG_CONNECTION="Endpoint=https://shop-settings.azconfig.io;Id=${fake.alnum(4)}-l0-s0:${fake.alnum(20)};Secret=\${APP_CONFIG_SECRET}"`,
      ],
    },
  },
  {
    id: 'azure-sas-token',
    description: 'Azure shared access signature (sig=) in a storage or service URL',
    keywords: ['sig='],
    pattern: /\bsv=\d{4}-\d{2}-\d{2}[^\s"'<>]{0,400}?&sig=(?<secret>[A-Za-z0-9%+/]{40,120}(?:%3D|=){0,2})(?![\w%+/=-])/,
    entropy: 3.5,
    examples: {
      positive: [
        `BACKUP_URL="https://backups01.blob.core.windows.net/nightly?sv=2022-11-02&ss=b&srt=co&sp=rwdlacx&se=2026-12-31T23:59:59Z&st=2025-01-01T00:00:00Z&spr=https&sig=${fake.alnum(36)}%2B${fake.alnum(6)}%3D"`,
        `azcopy copy ./dist "https://cdnassets.blob.core.windows.net/$web?sv=2023-01-03&st=2025-06-01T08%3A00%3A00Z&se=2026-06-01T08%3A00%3A00Z&sr=c&sp=racwdl&sig=${fake.alnum(43)}%3D" --recursive`,
      ],
      negative: [
        'BACKUP_URL="https://backups01.blob.core.windows.net/nightly?sv=2022-11-02&ss=b&srt=co&sp=rwdlacx&se=2026-12-31T23:59:59Z&spr=https&sig=${SAS_SIGNATURE}"',
        'url = f"https://{account}.blob.core.windows.net/{container}?sv=2022-11-02&sp=r&sig=<signature>"',
        'https://example.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX%3D',
      ],
    },
  },
];
