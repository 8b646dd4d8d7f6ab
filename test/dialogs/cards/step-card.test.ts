import type { TFunction } from 'i18next';
import { formatSource, stepCard, whyCard } from '../../../dialogs/cards/step-card';
import { CardSubmit } from '../../../src/bot/card-submit';
import { createI18n } from '../../../src/i18n';
import { start } from '../../../src/protocol/engine';
import type { Protocol, Step } from '../../../src/protocol/schema';
import type { ProtocolState } from '../../../src/session/record';
import { mergedResources } from '../dialog-harness';
import { FIXTURE_ROOT, walkProtocol } from '../../protocol/fixtures/walk';

const i18n = createI18n(mergedResources(FIXTURE_ROOT));
const en: TFunction = i18n.getFixedT('en');
const protocol = walkProtocol();
const progress = { n: 2, m: 6, section: 'account' };
type Visible = Exclude<Step, { kind: 'branch' }>;
const step = (id: string, p: Protocol = protocol): Visible => p.steps.find((s) => s.id === id) as Visible;
const state = (): ProtocolState => start(protocol, new Date(0)).state;

type Node = Record<string, unknown>;
function all(card: unknown, pred: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') { if (pred(x as Node)) out.push(x as Node); Object.values(x).forEach(walk); }
  };
  walk(card);
  return out;
}
const texts = (card: unknown): string[] => all(card, (n) => n.type === 'TextBlock').map((n) => n.text as string);
const submits = (card: unknown): Array<{ title: string; data: Node }> =>
  all(card, (n) => n.type === 'Action.Submit').map((n) => ({ title: n.title as string, data: n.data as Node }));
const cmds = (card: unknown): string[] => submits(card).map((s) => [s.data.cmd, s.data.arg].filter(Boolean).join(' '));

describe('step cards', () => {
  it('carry the progress line, title, body, a note input and the navigation buttons', () => {
    const card = stepCard(protocol, step('welcome'), state(), progress, en);
    expect(card.version).toBe('1.5');
    expect(texts(card).slice(0, 3)).toEqual(['Step 2 of 6 · The account', 'Welcome', 'Introduce yourself and explain the purpose.']);
    expect(all(card, (n) => n.type === 'Input.Text')).toEqual([expect.objectContaining({ id: 'text', maxLength: 4000 })]);
    expect(cmds(card)).toEqual(['note', 'back', 'skip', 'why', 'pause', 'next']);
  });

  it('send only submits the dialog accepts', () => {
    for (const s of protocol.steps) {
      if (s.kind === 'branch') continue;
      for (const { data } of submits(stepCard(protocol, s, state(), progress, en))) expect(CardSubmit.safeParse({ ...data, text: '' }).success).toBe(true);
    }
  });

  it('mark suggested questions open or closed with the follow-up of a closed one, and list what to avoid', () => {
    const t = texts(stepCard(protocol, step('open-account'), state(), progress, en));
    expect(t).toEqual(expect.arrayContaining([
      'Suggested questions', '**Open** · Tell me what happened.', '**Closed** · When did it start?',
      'Then follow up with: Tell me more about that.', 'Better not to say', '✗ Why did you not leave?',
    ]));
  });

  it('list cautions', () => {
    expect(texts(stepCard(protocol, step('safeguards'), state(), progress, en))).toEqual(expect.arrayContaining(['Keep in mind', '• The right to remain silent']));
  });

  it('show checklist indicators as toggles that reflect what is already marked', () => {
    const s = { ...state(), marks: { 'debt-owed': { status: 'confirmed' as const, stepId: 'signs', at: '2026-01-01T00:00:00.000Z' } } };
    const card = stepCard(protocol, step('signs'), s, progress, en);
    expect(cmds(card).slice(0, 2)).toEqual(['mark kept-documents', 'unmark debt-owed']);
    expect(texts(card)).toEqual(expect.arrayContaining(['Documents kept by someone else', 'A debt that grows ✓ marked']));
  });

  it('offer yes/no/unknown, the options of a choice, and a text box for a text question, without skip on required steps', () => {
    expect(cmds(stepCard(protocol, step('consent-interview'), state(), progress, en))).toEqual(['yes', 'no', 'unknown', 'note', 'back', 'why', 'pause', 'next']);
    const choice = stepCard(protocol, step('legal-status'), state(), progress, en);
    expect(submits(choice).slice(0, 3).map((s) => s.title)).toEqual(['Witness or possible victim', 'Detained', 'Suspect']);
    const text = stepCard(protocol, step('debt-detail'), state(), progress, en);
    expect(all(text, (n) => n.type === 'Input.Text')).toEqual([expect.objectContaining({ id: 'text', maxLength: 200, placeholder: 'Write the answer here' })]);
    expect(cmds(text).slice(0, 2)).toEqual(['answer', 'note']);
  });

  it('explain why a step is there, with seed lines and named standards', () => {
    expect(texts(whyCard(protocol, step('welcome'), en))).toEqual(['Why this step', 'Welcome', 'People speak more freely when they know what happens.', 'Sources', '• 000_fixture.txt, lines 1–3']);
    expect(formatSource({ standard: 'Palermo Protocol' }, en)).toBe('Palermo Protocol');
  });

  it('stay well under 28 KB with a 30-indicator checklist of long labels and hints', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `indicator-${i}`);
    const big: Protocol = { ...protocol, steps: protocol.steps.map((s) => (s.id === 'signs' ? { ...s, indicators: ids } : s)) };
    const wordy = ((key: string, opts?: Record<string, unknown>) =>
      key.endsWith('.label') ? 'l'.repeat(80) : key.endsWith('.hint') ? 'h'.repeat(160) : en(key, opts ?? {})) as unknown as TFunction;
    const size = Buffer.byteLength(JSON.stringify(stepCard(big, step('signs', big), state(), progress, wordy)));
    expect(size).toBeLessThan(24 * 1024);
  });
});
