import { createAzureLanguageAnalyzer, createAzureLanguageClient } from '../../src/analysis/azure-language-analyzer';
import { createAnalyzer } from '../../src/analysis/create-analyzer';
import { startLanguageFake } from './azure-language-fake';
import { fixtureAnalyzer, ids } from './fixture-analyzer';

const local = fixtureAnalyzer();
const logger = () => {
  const calls: object[] = [];
  return { calls, warn: (obj: object) => { calls.push(obj); } };
};

describe('the Azure AI Language adapter', () => {
  let fake: Awaited<ReturnType<typeof startLanguageFake>>;
  beforeEach(async () => { fake = await startLanguageFake({ persons: ['Zorblat'], detected: 'pt' }); });
  afterEach(async () => { await fake.close(); });

  const analyzer = (log = logger(), timeoutMs = 3000) =>
    createAzureLanguageAnalyzer({ client: createAzureLanguageClient(fake.url, 'test-key'), local, timeoutMs, logger: log });

  it('merges Azure PII with the local PII and keeps the local suggestions', async () => {
    const text = 'Zorblat contó que le quitaron el pasaporte. Escribe a ana@example.com o llama al +34 612 345 678. Trabajaba en ACME.';
    const r = await analyzer().analyze(text, { lang: 'es' });
    expect(ids(r)).toEqual(['documents-withheld']);
    expect(r.pii.map((p) => [p.category, p.text])).toEqual([
      ['person', 'Zorblat'], ['email', 'ana@example.com'], ['phone', '+34 612 345 678'],
    ]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.key).toBe('test-key');
    expect(fake.requests[0]!.body.kind).toBe('PiiEntityRecognition');
    expect(fake.requests[0]!.body.analysisInput.documents[0]!.language).toBe('es');
  });

  it('asks the service for the language when none is given and uses its answer', async () => {
    const r = await analyzer().analyze('Tiraram o passaporte dela no aeroporto.');
    expect(r.lang).toBe('pt');
    expect(fake.requests.map((q) => q.body.kind)).toEqual(['LanguageDetection', 'PiiEntityRecognition']);
    expect(ids(r)).toEqual(['documents-withheld']);
  });

  it('cuts a long note into documents of at most 5,120 characters, five per request, with offsets right', async () => {
    const sentence = 'Cuenta que Zorblat trabajó muchos meses sin cobrar en el campo con otras personas. ';
    const text = sentence.repeat(400);
    const r = await analyzer(logger(), 10_000).analyze(text, { lang: 'es' });
    const docs = fake.requests.flatMap((q) => q.body.analysisInput.documents);
    expect(docs.length).toBeGreaterThan(5);
    expect(fake.requests.every((q) => q.body.analysisInput.documents.length <= 5)).toBe(true);
    expect(fake.requests.length).toBe(Math.ceil(docs.length / 5));
    expect(docs.every((d) => d.text.length <= 5120)).toBe(true);
    expect(docs.map((d) => d.text).join('')).toBe(text);
    const persons = r.pii.filter((p) => p.category === 'person');
    expect(persons).toHaveLength(400);
    expect(persons.every((p) => text.slice(p.start, p.end) === 'Zorblat')).toBe(true);
  });

  it('falls back to the local engine on an HTTP 500 and logs a code without content', async () => {
    fake.setMode('error-500');
    const log = logger();
    const text = 'Le quitaron el pasaporte. Su correo es ana@example.com.';
    const r = await analyzer(log).analyze(text, { lang: 'es' });
    expect(r).toEqual(await local.analyze(text, { lang: 'es' }));
    expect(log.calls).toHaveLength(1);
    expect(log.calls[0]).toMatchObject({ code: 'analysis.azure_fallback', reason: 'error' });
    expect(JSON.stringify(log.calls)).not.toMatch(/pasaporte|ana@example/);
  });

  it('falls back to the local engine when the service hangs past the time limit', async () => {
    fake.setMode('hang');
    const log = logger();
    const text = 'Le quitaron el pasaporte.';
    const started = Date.now();
    const r = await analyzer(log, 300).analyze(text, { lang: 'es' });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ids(r)).toEqual(['documents-withheld']);
    expect(log.calls[0]).toMatchObject({ code: 'analysis.azure_fallback', reason: 'timeout' });
  });

  it('does not call the service for blank text', async () => {
    const r = await analyzer().analyze('   \n ');
    expect(r.suggestions).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('choosing the analyzer', () => {
  it('uses the local engine unless both endpoint and key are set', () => {
    const log = logger();
    expect(createAnalyzer({ AZURE_LANGUAGE_ENDPOINT: undefined, AZURE_LANGUAGE_KEY: 'k', AZURE_LANGUAGE_TIMEOUT_MS: 5000 }, local, log).kind).toBe('local');
    expect(createAnalyzer({ AZURE_LANGUAGE_ENDPOINT: 'https://x.cognitiveservices.azure.com', AZURE_LANGUAGE_KEY: undefined, AZURE_LANGUAGE_TIMEOUT_MS: 5000 }, local, log).kind).toBe('local');
    expect(createAnalyzer({ AZURE_LANGUAGE_ENDPOINT: 'https://x.cognitiveservices.azure.com', AZURE_LANGUAGE_KEY: 'k', AZURE_LANGUAGE_TIMEOUT_MS: 5000 }, local, log).kind).toBe('azure');
  });

  it('keeps the local engine and logs a code when the endpoint is not a URL', () => {
    const log = logger();
    expect(createAnalyzer({ AZURE_LANGUAGE_ENDPOINT: 'not a url', AZURE_LANGUAGE_KEY: 'k', AZURE_LANGUAGE_TIMEOUT_MS: 5000 }, local, log).kind).toBe('local');
    expect(log.calls).toEqual([{ code: 'analysis.azure_config_invalid' }]);
  });
});
