import { AzureKeyCredential, TextAnalysisClient } from '@azure/ai-language-text';
import { batches, chunkText } from './chunk-text';
import { mapAzureCategory, mergePii } from './merge-pii';
import { ANALYSIS_LANGS, type AnalysisLang, type AnalysisResult, type PiiSpan, type TextAnalyzer } from './text-analyzer';

/** Service limits for synchronous PII recognition (characters per document, documents per request). */
export const AZURE_PII_MAX_CHARS = 5120;
export const AZURE_PII_MAX_DOCS = 5;

/** The smallest logger this adapter needs; pino's logger fits. Only codes and counts are logged. */
export interface AnalysisLogger { warn(obj: object, msg?: string): void }

export interface AzureAnalyzerOptions {
  client: Pick<TextAnalysisClient, 'analyze'>;
  /** The offline engine: always gives the indicator suggestions, and everything on a fallback. */
  local: TextAnalyzer;
  timeoutMs: number;
  logger: AnalysisLogger;
  maxChars?: number;
  maxDocs?: number;
}

/**
 * A client for the Azure AI Language endpoint. Plain `http://` is accepted only for a loopback
 * address (a local test double); anywhere else the client refuses it, so the key never travels in clear.
 */
export function createAzureLanguageClient(endpoint: string, key: string): TextAnalysisClient {
  const url = new URL(endpoint);
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname);
  return new TextAnalysisClient(endpoint, new AzureKeyCredential(key), {
    allowInsecureConnection: url.protocol === 'http:' && loopback,
    retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1000 },
  });
}

class AnalysisTimeout extends Error { readonly code = 'timeout'; }

/**
 * Azure AI Language for PII (and language detection when no language is given), merged with the local
 * engine: suggestions always come from the local cues; PII is the union of both, overlaps merged.
 * Long notes are cut into documents of at most 5,120 characters on sentence or word boundaries, sent
 * five per request, and the offsets are mapped back. Any error or the time limit (one budget for the
 * whole call) falls back to the local result and logs `analysis.azure_fallback`.
 */
export function createAzureLanguageAnalyzer(opts: AzureAnalyzerOptions): TextAnalyzer {
  const maxChars = opts.maxChars ?? AZURE_PII_MAX_CHARS;
  const maxDocs = opts.maxDocs ?? AZURE_PII_MAX_DOCS;

  async function detect(text: string, signal: AbortSignal): Promise<AnalysisLang | undefined> {
    const first = chunkText(text, maxChars)[0];
    if (!first) return undefined;
    const [res] = await opts.client.analyze('LanguageDetection', [{ id: '0', text: first.text }], { abortSignal: signal });
    if (!res || res.error) throw new Error(`language detection failed: ${res?.error.code ?? 'no result'}`);
    const iso = res.primaryLanguage.iso6391Name as AnalysisLang;
    return (ANALYSIS_LANGS as readonly string[]).includes(iso) ? iso : undefined;
  }

  async function pii(text: string, lang: AnalysisLang, signal: AbortSignal): Promise<PiiSpan[]> {
    const spans: PiiSpan[] = [];
    for (const batch of batches(chunkText(text, maxChars), maxDocs)) {
      const docs = batch.map((c, i) => ({ id: String(i), text: c.text, language: lang }));
      const results = await opts.client.analyze('PiiEntityRecognition', docs, { abortSignal: signal });
      for (const r of results) {
        if (r.error) throw new Error(`pii recognition failed: ${r.error.code}`);
        const chunk = batch[Number(r.id)];
        if (!chunk) throw new Error('pii recognition returned an unknown document id');
        for (const e of r.entities) {
          const category = mapAzureCategory(e.category);
          if (!category) continue;
          const start = chunk.start + e.offset;
          spans.push({ start, end: start + e.length, category });
        }
      }
    }
    return spans;
  }

  return {
    async analyze(text, analyzeOpts = {}): Promise<AnalysisResult> {
      if (!text.trim()) return opts.local.analyze(text, analyzeOpts);
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => { controller.abort(); reject(new AnalysisTimeout('analysis timed out')); }, opts.timeoutMs);
      });
      try {
        const work = (async () => {
          const lang = analyzeOpts.lang ?? (await detect(text, controller.signal));
          const local = await opts.local.analyze(text, lang ? { lang } : {});
          const remote = await pii(text, local.lang, controller.signal);
          return { ...local, pii: mergePii(text, local.pii, remote) };
        })();
        work.catch(() => undefined);
        return await Promise.race([work, deadline]);
      } catch (e) {
        const reason = e instanceof AnalysisTimeout || controller.signal.aborted ? 'timeout' : 'error';
        const status = (e as { statusCode?: unknown }).statusCode;
        opts.logger.warn({ code: 'analysis.azure_fallback', reason, status: typeof status === 'number' ? status : undefined, chars: text.length });
        return opts.local.analyze(text, analyzeOpts);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
