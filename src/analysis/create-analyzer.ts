import type { Config } from '../config';
import { type AnalysisLogger, createAzureLanguageAnalyzer, createAzureLanguageClient } from './azure-language-analyzer';
import type { TextAnalyzer } from './text-analyzer';

export type AnalyzerKind = 'local' | 'azure';

/**
 * Chooses the analyzer from config: Azure AI Language (merged with the local engine, falling back
 * to it) when both `AZURE_LANGUAGE_ENDPOINT` and `AZURE_LANGUAGE_KEY` are set, else the local engine.
 * An endpoint that is not a URL falls back to the local engine and logs `analysis.azure_config_invalid`.
 */
export function createAnalyzer(
  config: Pick<Config, 'AZURE_LANGUAGE_ENDPOINT' | 'AZURE_LANGUAGE_KEY' | 'AZURE_LANGUAGE_TIMEOUT_MS'>,
  local: TextAnalyzer,
  logger: AnalysisLogger,
): { kind: AnalyzerKind; analyzer: TextAnalyzer } {
  const endpoint = config.AZURE_LANGUAGE_ENDPOINT;
  const key = config.AZURE_LANGUAGE_KEY;
  if (!endpoint || !key) return { kind: 'local', analyzer: local };
  let client;
  try {
    client = createAzureLanguageClient(endpoint, key);
  } catch {
    logger.warn({ code: 'analysis.azure_config_invalid' });
    return { kind: 'local', analyzer: local };
  }
  return { kind: 'azure', analyzer: createAzureLanguageAnalyzer({ client, local, timeoutMs: config.AZURE_LANGUAGE_TIMEOUT_MS, logger }) };
}
