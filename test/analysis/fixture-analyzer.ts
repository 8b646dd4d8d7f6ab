import { join } from 'node:path';
import { loadAnalysisContent } from '../../src/analysis/load-analysis-content';
import { createLocalAnalyzer } from '../../src/analysis/local-analyzer';
import type { TextAnalyzer } from '../../src/analysis/text-analyzer';

/** The local engine over the small test catalogue and cues in test/analysis/fixtures. */
export function fixtureAnalyzer(): TextAnalyzer {
  const dir = join(__dirname, 'fixtures');
  const content = loadAnalysisContent(dir, join(dir, 'catalogue.json'));
  if (!content.ok) throw new Error(content.errors.join('\n'));
  const built = createLocalAnalyzer(content.catalogue, content.cues);
  if (!built.ok) throw new Error(built.errors.join('\n'));
  return built.analyzer;
}

export const ids = (r: { suggestions: Array<{ indicator: string }> }): string[] => r.suggestions.map((s) => s.indicator).sort();
