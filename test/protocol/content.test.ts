import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError } from '../../src/protocol/content-error';
import { loadContent } from '../../src/protocol/content';
import { projectRoot } from '../../src/paths';
import { FIXTURE_ROOT, FIXTURE_SEEDS } from './fixtures/walk';

type Json = Record<string, any>;

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the fixture content in a temp project, seeds in `<tmp>/shared/seeds` (the default place). */
function project(): string {
  const base = mkdtempSync(join(tmpdir(), 'faro-content-'));
  temps.push(base);
  const root = join(base, 'faro');
  cpSync(join(FIXTURE_ROOT, 'prompts'), join(root, 'prompts'), { recursive: true });
  cpSync(join(FIXTURE_ROOT, 'locales'), join(root, 'locales'), { recursive: true });
  cpSync(FIXTURE_SEEDS, join(base, 'shared', 'seeds'), { recursive: true });
  return root;
}
function edit(root: string, file: string, change: (j: Json) => void): void {
  const full = join(root, file);
  const j = JSON.parse(readFileSync(full, 'utf8')) as Json;
  change(j);
  writeFileSync(full, JSON.stringify(j));
}
function faultOf(root: string): string {
  try {
    loadContent(root);
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as Error).message;
  }
  throw new Error('content loaded without a fault');
}
const walk = (change: (p: Json) => void) => (root: string) => edit(root, 'prompts/walk.json', change);

describe('loadContent', () => {
  it('loads the fixture protocol and catalogue, with seeds found next to the project by default', () => {
    const c = loadContent(project());
    expect([...c.protocols.keys()]).toEqual(['walk']);
    expect(c.protocols.get('walk')?.steps).toHaveLength(9);
    expect(c.catalogue.indicators.map((i) => i.id)).toEqual(['kept-documents', 'debt-owed', 'not-free-to-leave']);
  });

  it('ignores cue files and reports a prompts folder without protocols', () => {
    const root = project();
    writeFileSync(join(root, 'prompts', 'cues-es.json'), '{"anything": true}');
    expect(loadContent(root).protocols.size).toBe(1);
    rmSync(join(root, 'prompts', 'walk.json'));
    expect(faultOf(root)).toBe('prompts/: no protocol files');
  });

  const faults: Array<[string, (root: string) => void, string]> = [
    ['a schema fault', walk((p) => { p.steps[2].answer.type = 'number'; }), 'prompts/walk.json: steps[2].answer.type:'],
    ['a duplicate step id', walk((p) => { p.steps[6].id = 'welcome'; }), 'prompts/walk.json: steps[6].id: duplicate step id "welcome"'],
    ['an unlisted section', walk((p) => { p.steps[0].section = 'elsewhere'; }), 'prompts/walk.json: steps[0].section: section "elsewhere" is not listed in sections'],
    ['a listed section without steps', walk((p) => { p.sections.push('empty'); }), 'prompts/walk.json: sections[3]: section "empty" has no steps'],
    ['an unknown branch target', walk((p) => { p.steps[3].rules[0].goto = 'foo'; }), 'prompts/walk.json: steps[3].rules[0].goto: unknown step "foo"'],
    ['a backward branch', walk((p) => { p.steps[3].otherwise = 'welcome'; }), 'prompts/walk.json: steps[3].otherwise: branch to "welcome" goes backwards'],
    ['a condition on an unknown step', walk((p) => { p.steps[7].when = { answered: 'nowhere' }; }), 'prompts/walk.json: steps[7].when: unknown step "nowhere"'],
    ['a condition on an impossible option', walk((p) => { p.steps[3].rules[0].when = { answer: 'legal-status', in: ['arrested'] }; }), 'prompts/walk.json: steps[3].rules[0].when: "arrested" is not an answer of step "legal-status"'],
    ['a condition on an unknown indicator', walk((p) => { p.steps[7].when = { marked: 'ghost' }; }), 'prompts/walk.json: steps[7].when: unknown indicator "ghost"'],
    ['an unknown indicator on a checklist', walk((p) => { p.steps[6].indicators.push('ghost'); }), 'prompts/walk.json: steps[6].indicators[2]: unknown indicator "ghost"'],
    ['a consent step without the tag', walk((p) => { p.steps[1].tags = []; }), 'prompts/walk.json: steps[1].tags: a step with a consent item needs the "consent" tag'],
    ['a consent step with a choice answer', walk((p) => { p.steps[1].answer = { type: 'choice', options: ['yes', 'no'] }; }), 'prompts/walk.json: steps[1].answer.type: a consent step needs a yes-no-unknown answer'],
    ['a follow-up that is not a question of the step', walk((p) => { p.steps[5].questions[1].followUp = 'later'; }), 'prompts/walk.json: steps[5].questions[1].followUp: unknown question "later"'],
    ['a protocol named unlike its file', walk((p) => { p.id = 'other'; }), 'prompts/walk.json: id: "other" does not match the file name'],
    ['a missing seed file', walk((p) => { p.steps[0].sources[0].doc = '009_nothing.txt'; }), 'prompts/walk.json: steps[0].sources[0].doc: no seed file "009_nothing.txt"'],
    ['a line range past the end of the seed', walk((p) => { p.steps[0].sources[0].lines = '39-41'; }), 'prompts/walk.json: steps[0].sources[0].lines: "39-41" is outside 000_fixture.txt (1-40)'],
    ['a catalogue source past the end', (r) => edit(r, 'prompts/indicators.json', (c) => { c.indicators[1].sources[0].lines = '3-2'; }), 'prompts/indicators.json: indicators[1].sources[0].lines: "3-2" is outside'],
    ['a duplicate indicator', (r) => edit(r, 'prompts/indicators.json', (c) => { c.indicators[2].id = 'debt-owed'; }), 'prompts/indicators.json: indicators[2].id: duplicate indicator "debt-owed"'],
    ['a missing step key in one locale', (r) => edit(r, 'locales/pt/protocol.walk.json', (l) => { delete l.steps['legal-status'].options.suspect; }), 'locales/pt/protocol.walk.json: missing steps.legal-status.options.suspect'],
    ['a missing question key', (r) => edit(r, 'locales/es/protocol.walk.json', (l) => { l.steps['open-account'].questions['tell-more'] = ' '; }), 'locales/es/protocol.walk.json: missing steps.open-account.questions.tell-more'],
    ['a missing section name', (r) => edit(r, 'locales/en/protocol.walk.json', (l) => { delete l.sections.close; }), 'locales/en/protocol.walk.json: missing sections.close'],
    ['a missing protocol locale file', (r) => rmSync(join(r, 'locales', 'es', 'protocol.walk.json')), 'locales/es/protocol.walk.json: missing file'],
    ['a missing indicator hint', (r) => edit(r, 'locales/pt/indicators.json', (l) => { delete l['debt-owed'].hint; }), 'locales/pt/indicators.json: missing debt-owed.hint'],
    ['broken JSON', (r) => writeFileSync(join(r, 'prompts', 'walk.json'), '{ "id": '), 'prompts/walk.json: not valid JSON'],
  ];
  it.each(faults)('stops on %s with the exact path of the fault', (_name, breakIt, expected) => {
    const root = project();
    breakIt(root);
    expect(faultOf(root)).toContain(expected);
  });

  it('uses a seeds folder given explicitly', () => {
    const root = project();
    rmSync(join(root, '..', 'shared'), { recursive: true });
    expect(faultOf(root)).toContain('no seed file "000_fixture.txt"');
    expect(loadContent(root, { seedsDir: FIXTURE_SEEDS }).protocols.size).toBe(1);
  });
});

describe('the content of this repository', () => {
  const root = projectRoot();
  const promptsDir = join(root, 'prompts');
  const protocolFiles = existsSync(promptsDir)
    ? readdirSync(promptsDir).filter((f) => f.endsWith('.json') && f !== 'indicators.json' && !f.startsWith('cues'))
    : [];
  const seedsDir = [join(root, '..', 'shared', 'seeds'), join(root, '..', '..', 'shared', 'seeds')].find((d) => existsSync(d));

  it('loads without a fault, every protocol in prompts/ included (or says plainly that there is none yet)', () => {
    if (protocolFiles.length === 0) {
      expect(() => loadContent(root, { seedsDir })).toThrow(/^prompts\/: .*no protocol files$/);
      return;
    }
    const content = loadContent(root, { seedsDir });
    expect([...content.protocols.keys()].sort()).toEqual(protocolFiles.map((f) => f.replace(/\.json$/, '')).sort());
  });
});
