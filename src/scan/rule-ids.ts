import { RULES } from './rules/index.js';
import { CONFIGURED_SECRET } from './scan.js';

/** Every rule id a user may name (`scan.disable-rules`, `--disable-rules`), `configured-secret` included. */
export const RULE_IDS: readonly string[] = [...RULES.map((rule) => rule.id), CONFIGURED_SECRET];
