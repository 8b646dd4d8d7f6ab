import { z } from 'zod';

const optionalString = z.string().trim().optional().transform((v) => (v ? v : undefined));

/**
 * Every setting Faro reads from the environment, validated once at start-up by the composition root.
 * `.env.example` documents each of them.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('127.0.0.1'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional().or(z.literal('').transform(() => undefined)),
  MicrosoftAppTenantId: optionalString,
  DATA_DIR: z.string().default('./data'),
  FARO_ENCRYPTION_KEY: optionalString,
  FARO_USERS_FILE: optionalString,
  FARO_DEFAULT_LOCALE: z.enum(['es', 'en', 'pt']).default('es'),
  /** Largest accepted request body on /api/messages and the local Direct Line, in bytes. */
  FARO_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  /** Longest accepted message text, in characters. */
  FARO_MAX_TEXT_CHARS: z.coerce.number().int().min(100).max(100_000).default(4000),
  FARO_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  /** Tenant ids allowed in Teams (comma separated); defaults to MicrosoftAppTenantId when set. */
  FARO_ALLOWED_TENANTS: optionalString,
  /** Public base URL of this server (e.g. https://faro.example.org): Teams gets report links under it. */
  FARO_PUBLIC_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  AZURE_LANGUAGE_ENDPOINT: optionalString,
  AZURE_LANGUAGE_KEY: optionalString,
  AZURE_LANGUAGE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

/** True when Bot Framework authentication is on (an app id is configured). */
export const authEnabled = (c: Config): boolean => Boolean(c.MicrosoftAppId);

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  return { ok: true, config: parsed.data };
}

/** Loopback addresses only: with authentication off Faro refuses to listen anywhere else. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
