import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths';
import { loadTranscripts, localesOf, runTranscript } from './run-transcript';

const transcripts = loadTranscripts(__dirname);
const cases = transcripts.flatMap(({ file, transcript }) => localesOf(transcript).map((locale) => [file, locale, transcript] as const));

describe('dialog transcripts', () => {
  it('include at least the fixture walk', () => {
    expect(transcripts.map((x) => x.file)).toContain('walk-fixture.json');
  });

  it('walk every shipped protocol in every shipped locale', () => {
    const shipped = readdirSync(join(projectRoot(), 'prompts')).filter((f) => f.endsWith('.json') && f !== 'indicators.json').map((f) => f.replace(/\.json$/, ''));
    for (const id of shipped) {
      const walks = transcripts.filter((x) => x.transcript.protocol === id && !x.transcript.content);
      expect([id, walks.length > 0]).toEqual([id, true]);
      expect([id, [...new Set(walks.flatMap((x) => localesOf(x.transcript)))].sort()]).toEqual([id, ['en', 'es', 'pt']]);
    }
  });

  it.each(cases)('%s plays as written in %s', async (_file, locale, transcript) => {
    expect(await runTranscript(transcript, locale)).toEqual([]);
  });
});
