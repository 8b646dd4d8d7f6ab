import { randomUUID } from 'node:crypto';

export type ActivityJson = Record<string, unknown>;

/** A minimal valid message activity addressed to the bot, replying through `serviceUrl`. */
export function messageActivity(serviceUrl: string, overrides: ActivityJson = {}): ActivityJson {
  return {
    type: 'message',
    id: `act-${randomUUID()}`,
    text: 'hello',
    locale: 'es-ES',
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: 'demo-officer-test1', name: 'Officer' },
    recipient: { id: 'faro-bot', name: 'Faro' },
    conversation: { id: `conv-${randomUUID()}` },
    ...overrides,
  };
}

/** A Teams-shaped personal-chat message (tenant, AAD object id, pt-BR). */
export function teamsActivity(serviceUrl: string, overrides: ActivityJson = {}): ActivityJson {
  return messageActivity(serviceUrl, {
    channelId: 'msteams',
    locale: 'pt-BR',
    from: { id: '29:teams-user-1', name: 'Agente', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    conversation: { id: 'a:teams-conv-1', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    ...overrides,
  });
}

export interface PostResult {
  status: number;
  /** Parsed JSON when the body is JSON, else the raw text ('' when empty). */
  body: unknown;
}

/**
 * POSTs to `<baseUrl>/api/messages`. `body` may be an object (sent as JSON) or a raw string (sent as is,
 * for malformed or oversized bodies).
 */
export async function postActivity(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : '';
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed };
}
