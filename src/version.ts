/** Sent as the User-Agent and shown in reports; keep in step with package.json. */
export const VERSION = '0.1.0';
