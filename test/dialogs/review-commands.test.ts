import type { Activity } from 'botbuilder';
import { verifyChain } from '../../src/review/audit';
import type { User } from '../../src/review/roles';
import type { SessionRecord } from '../../src/session/record';
import { memoryAuditLog, MEMORY_AUDIT_KEY } from '../fakes/memory-audit-log';
import { at, record } from '../fixtures/records';
import { cardJson, inJson, reviewBot, say, texts } from '../helpers/review-bot';

const users: User[] = [
  { id: 'off-1', name: 'O', role: 'officer', office: 'police-1' },
  { id: 'sup-1', name: 'S', role: 'supervisor', office: 'police-1' },
  { id: 'sup-2', name: 'S2', role: 'supervisor', office: 'police-2' },
];
const ID = '8f7c2c1e-1111-4a2b-9c3d-0000000000aa';
const SECRET = 'she was told she owed 4000 for the journey';
const FLAGS = ['consent-missing-before-account', 'questioned-before-safeguards', 'minor-without-child-path', 'free-account-repeated', 'required-steps-skipped', 'strong-indicators-without-referral'];

/** A session that raises every quality flag. */
const flagged = (locale: string): SessionRecord => record({
  id: ID, locale, status: 'completed', author: { id: 'off-1', role: 'officer', office: 'police-1' }, office: 'police-1',
}, {
  trail: ['legal-status', 'child-screen', 'account', 'recruitment', 'account'],
  answers: { 'legal-status': { value: 'suspect', at: at(1) }, 'child-screen': { value: 'yes', at: at(3) } },
  skipped: ['debts'],
  marks: { 'strong-debt': { status: 'confirmed', stepId: 'account', at: at(12) }, minor: { status: 'suggested', stepId: 'account', at: at(13) } },
  notes: [{ id: 'n1', stepId: 'account', text: SECRET, at: at(10) }],
});

const as = (who: string, locale: string, conv: string) => (more: Partial<Activity>): Partial<Activity> =>
  ({ type: 'message', locale, from: { id: who, name: who }, conversation: { id: conv } as never, ...more });
const card = (cmd: string, arg?: string, text?: string): Partial<Activity> => ({ value: { faro: 1, cmd, ...(arg ? { arg } : {}), ...(text ? { text } : {}) } });
const NEXT = { es: 'en', en: 'pt', pt: 'es' } as const;

describe('review in the bot', () => {
  for (const lng of ['es', 'en', 'pt'] as const) {
    const authorLng = NEXT[lng];
    it(`walks submit, comment, request changes and sign-off with every flag explained in ${lng}, and tells the author in ${authorLng}`, async () => {
      const { adapter, store, audit, i18n } = reviewBot({ users });
      const t = i18n.getFixedT(lng);
      const ta = i18n.getFixedT(authorLng);
      await store.save(flagged(authorLng), null);
      const author = as('off-1', authorLng, 'conv-author');
      const sup = as('sup-1', lng, 'conv-sup');

      expect(texts(await say(adapter, author({ text: 'submit' })))).toBe(ta('review:done.submit'));
      const submitted = (await store.load(ID))!.record;
      expect(submitted.status).toBe('submitted');
      expect((submitted.conversationRef as { conversation: { id: string } }).conversation.id).toBe('conv-author');

      expect(cardJson(await say(adapter, sup(card('menu'))))).toContain(inJson(t('review:menu.queue')));
      const queue = cardJson(await say(adapter, sup(card('review'))));
      expect(queue).toContain(inJson(t('review:queue.item', { title: t('protocol.tagged:title'), author: 'off-1', date: submitted.updatedAt.slice(0, 16).replace('T', ' '), state: t('review:states.submitted'), flags: 6 })));
      expect(queue).toContain(`"cmd":"open","arg":"${ID}"`);

      const opened = cardJson(await say(adapter, sup({ text: `open ${ID}` })));
      for (const f of FLAGS) expect(opened).toContain(inJson(t(`review:flags.${f}`)));
      expect(opened).toContain(inJson(t('review:card.state', { state: t('review:states.submitted') })));
      expect(opened).toContain(inJson(t('review:notes.hidden', { count: 1 })));
      expect(opened).toContain(inJson(t('review:summary.element', { element: t('review:summary.elements.means'), confirmed: 1, suggested: 0 })));
      expect(opened).not.toContain(SECRET);

      const revealed = cardJson(await say(adapter, sup(card('open', `${ID} notes`))));
      expect(revealed).toContain(SECRET);
      expect((await audit.entries()).at(-1)).toMatchObject({ actor: { id: 'sup-1' }, action: 'read', outcome: 'allowed', code: 'notes' });

      const commented = await say(adapter, sup(card('comment', ID, 'Please record the referral')));
      const notice = commented.find((a) => a.conversation?.id === 'conv-author');
      expect(notice?.text).toContain(ta('review:notice.comment', { title: ta('protocol.tagged:title'), date: '2026-03-01' }));
      expect(notice?.text).toContain('Please record the referral');
      expect(texts(commented.filter((a) => a.conversation?.id === 'conv-sup'))).toBe(t('review:done.comment'));

      const sentBack = await say(adapter, sup({ text: 'request-changes add the referral step' }));
      expect(sentBack.find((a) => a.conversation?.id === 'conv-author')?.text).toContain(ta('review:notice.request-changes', { title: ta('protocol.tagged:title'), date: '2026-03-01' }));
      expect(cardJson(await say(adapter, sup({ text: `open ${ID}` })))).toContain(inJson(t('review:card.state', { state: t('review:states.changes-requested') })));

      expect(texts(await say(adapter, author({ text: 'submit' })))).toBe(ta('review:done.submit'));
      const signed = await say(adapter, sup({ text: 'sign-off' }));
      expect(signed.find((a) => a.conversation?.id === 'conv-author')?.text).toContain(ta('review:notice.sign-off', { title: ta('protocol.tagged:title'), date: '2026-03-01' }));
      const final = cardJson(await say(adapter, sup({ text: `open ${ID}` })));
      expect(final).toContain(inJson(t('review:card.state', { state: t('review:states.signed-off') })));
      expect(final).toContain(inJson(t('review:history.title')));

      const entries = await audit.entries();
      expect(entries.filter((e) => e.outcome === 'allowed').map((e) => e.action))
        .toEqual(expect.arrayContaining(['submit', 'list', 'read', 'comment', 'request-changes', 'sign-off']));
      expect(JSON.stringify(entries)).not.toContain(SECRET);
      expect(verifyChain(MEMORY_AUDIT_KEY, (audit as ReturnType<typeof memoryAuditLog>).lines)).toMatchObject({ ok: true });
    });
  }

  it('gives officers no queue and no review button, and refuses their review actions', async () => {
    const { adapter, store, i18n } = reviewBot({ users });
    const t = i18n.getFixedT('en');
    await store.save({ ...flagged('en'), status: 'submitted' }, null);
    const off = as('off-1', 'en', 'c1');
    expect(cardJson(await say(adapter, off(card('menu'))))).not.toContain(inJson(t('review:menu.queue')));
    expect(texts(await say(adapter, off({ text: 'review' })))).toBe(t('review:errors.not-supervisor'));
    expect(texts(await say(adapter, off(card('sign-off', ID))))).toBe(t('review:errors.not-supervisor'));
    expect((await store.load(ID))!.record.status).toBe('submitted');
  });

  it('refuses a supervisor of another office without showing anything of the session', async () => {
    const { adapter, store, audit, i18n } = reviewBot({ users });
    await store.save({ ...flagged('en'), status: 'submitted' }, null);
    const out = await say(adapter, as('sup-2', 'en', 'c2')({ text: `open ${ID}` }));
    expect(texts(out)).toBe(i18n.getFixedT('en')('review:errors.other-office'));
    expect(cardJson(out)).toBe('[]');
    expect((await audit.entries()).at(-1)).toMatchObject({ action: 'read', outcome: 'denied', code: 'other-office' });
  });

  it('asks for confirmation before erasing, then erases, leaving only the audit entry', async () => {
    const { adapter, store, audit, i18n } = reviewBot({ users });
    const t = i18n.getFixedT('en');
    await store.save(flagged('en'), null);
    expect(texts(await say(adapter, as('sup-2', 'en', 'c2')(card('erase', `${ID} confirm`))))).toBe(t('review:errors.other-office'));
    const off = as('off-1', 'en', 'c1');
    expect(cardJson(await say(adapter, off({ text: `erase ${ID} confirm` })))).toContain(inJson(t('review:erase.confirm')));
    expect(await store.list()).toHaveLength(1);
    const asked = await say(adapter, off({ text: `erase ${ID}` }));
    expect(cardJson(asked)).toContain(inJson(t('review:erase.confirm')));
    expect(cardJson(asked)).toContain(`"arg":"${ID} confirm"`);
    expect(texts(await say(adapter, off(card('erase', `${ID} confirm`))))).toBe(t('review:done.erase'));
    expect(await store.list()).toHaveLength(0);
    expect((await audit.entries()).at(-1)).toMatchObject({ actor: { id: 'off-1' }, action: 'delete', sessionId: ID, outcome: 'allowed' });
  });

  it('asks a supervisor to open a session before commenting, and an author with nothing to submit says so', async () => {
    const { adapter, i18n } = reviewBot({ users });
    const t = i18n.getFixedT('pt');
    expect(texts(await say(adapter, as('sup-1', 'pt', 'c3')({ text: 'comment looks fine' })))).toBe(t('review:errors.no-open'));
    expect(texts(await say(adapter, as('off-1', 'pt', 'c4')({ text: 'submit' })))).toBe(t('review:errors.nothing-to-submit'));
  });
});
