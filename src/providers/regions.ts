import type { HttpRequest, HttpResponse } from '../http/types.js';
import { rejected } from './kit.js';
import type { CheckContext, Provider, Verdict } from './provider.js';

/**
 * Providers whose accounts live in one of several regions, each with its own API host (Mailgun
 * US/EU, SendGrid global/EU, PagerDuty US/EU): a key is refused by the hosts of the other regions.
 */
export interface Region {
  id: string;
  host: string;
  label: string;
}

/** What a regional provider declares: every region's host, the regions as modes, a `region` setting that picks one. */
export function regional(regions: readonly Region[], what: string): Pick<Provider, 'hosts' | 'apiRoot' | 'modes' | 'settings' | 'fromSettings'> {
  return {
    hosts: regions.map((region) => region.host),
    apiRoot: `https://${regions[0]!.host}/`,
    modes: { values: regions.map((region) => region.id) },
    settings: {
      properties: {
        region: {
          enum: regions.map((region) => region.id),
          description: `The region of the ${what}: ${regions.map((r) => `\`${r.id}\` (${r.host})`).join(', ')}. Unset: each is tried in turn while the key is refused.`,
        },
      },
    },
    // No `region` (always so for a secret found by the scan): every region's host.
    fromSettings: (settings) => ({ hosts: (configuredOnly(regions, settings) ?? regions).map((r) => r.host) }),
  };
}

/** The region `region` names, alone; undefined when it names none. */
function configuredOnly(regions: readonly Region[], settings: Readonly<Record<string, unknown>>): Region[] | undefined {
  const region = regions.find((r) => r.id === settings.region);
  return region && [region];
}

export interface RegionalAnswer {
  res: HttpResponse;
  /** The region that gave `res`. */
  region: Region;
  /** The regions asked, in order (the last one gave `res`). */
  asked: Region[];
  /** The regions left out because `region` named another. */
  excluded: Region[];
}

/**
 * Asks the configured region, or each region in turn while the answer is a 401: one region's
 * refusal proves nothing about a key of another, so a key is only refused when every region that
 * could hold it refused it.
 */
export async function askRegions(ctx: CheckContext, regions: readonly Region[], request: (region: Region) => HttpRequest): Promise<RegionalAnswer> {
  const order = configuredOnly(regions, ctx.settings) ?? regions;
  const asked = [order[0]!];
  let res = await ctx.http.send(request(order[0]!));
  for (const region of order.slice(1)) {
    if (res.status !== 401) break;
    asked.push(region);
    res = await ctx.http.send(request(region));
  }
  return { res, region: asked.at(-1)!, asked, excluded: regions.filter((r) => !order.includes(r)) };
}

/**
 * "Mailgun refused the key in the US and EU regions (HTTP 401: Forbidden)", and, when `region`
 * left the other regions out, that a key of theirs is refused here too.
 */
export function refusedInRegions(title: string, answer: RegionalAnswer, said: string, why = ''): Verdict {
  const where = `${title} refused the key in the ${labels(answer.asked, 'and')} ${answer.asked.length > 1 ? 'regions' : 'region'}`;
  const hint = answer.excluded.length ? `; a key of the ${labels(answer.excluded, 'or')} region is refused there: check \`region\`` : '';
  return rejected('invalid', `${where} (HTTP 401${said ? `: ${said}` : ''})${why ? `: ${why}` : ''}${hint}`, answer.res);
}

function labels(regions: readonly Region[], conjunction: 'and' | 'or'): string {
  const names = regions.map((r) => r.label);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}
