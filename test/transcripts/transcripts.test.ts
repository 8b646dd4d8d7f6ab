import { loadTranscripts, localesOf, runTranscript } from './run-transcript';

const transcripts = loadTranscripts(__dirname);
const cases = transcripts.flatMap(({ file, transcript }) => localesOf(transcript).map((locale) => [file, locale, transcript] as const));

describe('dialog transcripts', () => {
  it('include at least the fixture walk', () => {
    expect(transcripts.map((x) => x.file)).toContain('walk-fixture.json');
  });

  it.each(cases)('%s plays as written in %s', async (_file, locale, transcript) => {
    expect(await runTranscript(transcript, locale)).toEqual([]);
  });
});
