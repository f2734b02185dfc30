import type { Rule } from '../types.js';
import { GENERIC_RULES } from './generic.js';
import { PROVIDER_RULES } from './providers.js';
import { VENDOR_RULES_A_L } from './vendors-a-l.js';
import { VENDOR_RULES_M_Z } from './vendors-m-z.js';

/** Every rule of the leak scan: those of token-preflight's providers, of other vendors, and the generic kinds. */
export const RULES: readonly Rule[] = [...PROVIDER_RULES, ...VENDOR_RULES_A_L, ...VENDOR_RULES_M_Z, ...GENERIC_RULES];
