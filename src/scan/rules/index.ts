import type { Rule } from '../types.js';
import { GENERIC_RULES, QUIET_ON_NEAR_MISSES } from './generic.js';
import { nearMisses, quietOnNearMisses, type NearMisses } from './near-miss.js';
import { PROVIDER_RULES } from './providers.js';
import { VENDOR_RULES_A_L } from './vendors-a-l.js';
import { VENDOR_RULES_M_Z } from './vendors-m-z.js';

/** The rules of token-preflight's providers and of other vendors: each knows its vendor's secrets. */
const VENDOR_RULES: readonly Rule[] = [...PROVIDER_RULES, ...VENDOR_RULES_A_L, ...VENDOR_RULES_M_Z];

/**
 * What the vendor rules recognise as their own and refuse: the rules that take any value leave it
 * alone. Read from the vendor rules' examples when a generic rule first matches (see quietOnNearMisses).
 */
let nearMissesRead: NearMisses | undefined;
const NEAR_MISSES = (): NearMisses => (nearMissesRead ??= nearMisses(VENDOR_RULES));

/** Every rule of the leak scan: those of token-preflight's providers, of other vendors, and the generic kinds. */
export const RULES: readonly Rule[] = [
  ...VENDOR_RULES,
  ...GENERIC_RULES.map((rule) => (QUIET_ON_NEAR_MISSES.has(rule.id) ? quietOnNearMisses(rule, NEAR_MISSES) : rule)),
];
