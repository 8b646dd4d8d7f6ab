/** A bare Direct Line 3.0 polling client over fetch, for tests against the local Direct Line. */
export interface DlConversationInfo {
  conversationId: string;
  token: string;
}

export interface DlResponse {
  status: number;
  body: unknown;
}

async function call(url: string, init: RequestInit): Promise<DlResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? (JSON.parse(text) as unknown) : '';
  } catch {
    /* keep text */
  }
  return { status: res.status, body };
}

const auth = (token: string | undefined): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

export function directLineClient(baseUrl: string) {
  const dl = `${baseUrl}/v3/directline`;
  return {
    async generate(): Promise<DlConversationInfo> {
      const r = await call(`${dl}/tokens/generate`, { method: 'POST' });
      if (r.status !== 200) throw new Error(`tokens/generate answered ${r.status}`);
      return r.body as DlConversationInfo;
    },
    start(token?: string): Promise<DlResponse> {
      return call(`${dl}/conversations`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth(token) }, body: '{}' });
    },
    get(convId: string, token?: string): Promise<DlResponse> {
      return call(`${dl}/conversations/${convId}`, { headers: auth(token) });
    },
    refresh(token?: string): Promise<DlResponse> {
      return call(`${dl}/tokens/refresh`, { method: 'POST', headers: auth(token) });
    },
    post(convId: string, token: string | undefined, activity: unknown): Promise<DlResponse> {
      return call(`${dl}/conversations/${convId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(token) },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
    },
    poll(convId: string, token: string | undefined, watermark?: string): Promise<DlResponse> {
      const q = watermark === undefined ? '' : `?watermark=${encodeURIComponent(watermark)}`;
      return call(`${dl}/conversations/${convId}/activities${q}`, { headers: auth(token) });
    },
  };
}

export interface ActivitySet {
  activities: Array<Record<string, unknown> & { id: string }>;
  watermark: string;
}
