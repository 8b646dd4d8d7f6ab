import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest { path: string; key: string | undefined; body: { kind: string; analysisInput: { documents: Array<{ id: string; text: string; language?: string }> } } }
export type FakeMode = 'ok' | 'error-500' | 'hang';

/**
 * A local stand-in for the Azure AI Language REST API (`POST /language/:analyze-text`), enough for the
 * synchronous PiiEntityRecognition and LanguageDetection calls. In PII answers it reports every e-mail
 * and every word listed in `persons`, with offsets inside each document.
 */
export async function startLanguageFake(opts: { persons?: string[]; detected?: string } = {}): Promise<{
  url: string; requests: FakeRequest[]; setMode(m: FakeMode): void; close(): Promise<void>;
}> {
  const requests: FakeRequest[] = [];
  let mode: FakeMode = 'ok';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as FakeRequest['body'];
      requests.push({ path: req.url ?? '', key: req.headers['ocp-apim-subscription-key'] as string | undefined, body });
      if (mode === 'hang') return;
      res.setHeader('content-type', 'application/json');
      if (mode === 'error-500' || req.method !== 'POST' || !(req.url ?? '').startsWith('/language/:analyze-text?api-version=2023-04-01')) {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { code: 'InternalServerError', message: 'fake failure' } }));
        return;
      }
      const docs = body.analysisInput.documents;
      if (body.kind === 'LanguageDetection') {
        const iso = opts.detected ?? 'es';
        res.end(JSON.stringify({ kind: 'LanguageDetectionResults', results: {
          documents: docs.map((d) => ({ id: d.id, detectedLanguage: { name: iso, iso6391Name: iso, confidenceScore: 0.99 }, warnings: [] })),
          errors: [], modelVersion: '2023-12-01' } }));
        return;
      }
      res.end(JSON.stringify({ kind: 'PiiEntityRecognitionResults', results: {
        documents: docs.map((d) => {
          const entities: Array<{ text: string; category: string; offset: number; length: number; confidenceScore: number }> = [];
          for (const m of d.text.matchAll(/[\w.]+@[\w.]+\.\w+/g)) entities.push({ text: m[0], category: 'Email', offset: m.index, length: m[0].length, confidenceScore: 0.8 });
          for (const p of opts.persons ?? []) for (const m of d.text.matchAll(new RegExp(`\\b${p}\\b`, 'g'))) {
            entities.push({ text: m[0], category: 'Person', offset: m.index, length: m[0].length, confidenceScore: 0.9 });
          }
          for (const m of d.text.matchAll(/\bACME\b/g)) entities.push({ text: m[0], category: 'Organization', offset: m.index, length: 4, confidenceScore: 0.9 });
          return { id: d.id, redactedText: d.text, entities, warnings: [] };
        }),
        errors: [], modelVersion: '2023-09-01' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setMode: (m) => { mode = m; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
