import { join } from 'node:path';
import { loadAnalysisContent } from './load-analysis-content';
import { createLocalAnalyzer, type LocalAnalyzerResult } from './local-analyzer';

/** The local engine over the shipped catalogue and cues in `<root>/prompts`. Reads files: call at start-up. */
export function loadLocalAnalyzer(root: string): LocalAnalyzerResult {
  const content = loadAnalysisContent(join(root, 'prompts'));
  if (!content.ok) return content;
  return createLocalAnalyzer(content.catalogue, content.cues);
}
