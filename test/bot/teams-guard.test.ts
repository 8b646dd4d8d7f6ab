import type { Activity } from 'botbuilder';
import { personalOnly } from '../../src/bot/teams-guard';
import { record } from '../fixtures/records';
import { cardJson, reviewBot, say, texts } from '../helpers/review-bot';

const users = [{ id: 'aad-1', name: 'Ana', role: 'officer' as const, office: 'sp-1' }];
const teams = (conversationType: string, tenant = 't-1', more: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message', channelId: 'msteams', locale: 'pt-BR',
  from: { id: '29:abc', name: 'Ana', aadObjectId: 'aad-1' } as never,
  conversation: { id: `conv-${conversationType}`, conversationType, tenantId: tenant } as never,
  channelData: { tenant: { id: tenant } },
  ...more,
});

describe('Teams personal chat guard', () => {
  it('lets personal chats and other channels through, and stops Teams group chats and channels', () => {
    expect(personalOnly({ channelId: 'msteams', conversation: { conversationType: 'personal' } as never })).toBe(true);
    expect(personalOnly({ channelId: 'webchat', conversation: { conversationType: 'groupChat' } as never })).toBe(true);
    expect(personalOnly({ channelId: 'msteams', conversation: { conversationType: 'groupChat' } as never })).toBe(false);
    expect(personalOnly({ channelId: 'msteams', conversation: { conversationType: 'channel' } as never })).toBe(false);
  });

  it('answers in a personal chat as usual', async () => {
    const { adapter, i18n } = reviewBot({ users, allowedTenants: ['t-1'] });
    const out = await say(adapter, teams('personal', 't-1', { text: 'menu' }));
    expect(cardJson(out)).toContain(i18n.getFixedT('pt')('common:menu.title'));
  });

  for (const type of ['groupChat', 'channel']) {
    it(`answers every message in a Teams ${type} with only the note to use the personal chat, and touches nothing`, async () => {
      const { adapter, store, audit, i18n } = reviewBot({ users, allowedTenants: ['t-1'] });
      await store.save(record({ id: '8f7c2c1e-1111-4a2b-9c3d-000000000001', author: { id: 'aad-1', role: 'officer', office: 'sp-1' }, office: 'sp-1' }), null);
      for (const text of ['menu', 'submit', 'start tagged', 'hello']) {
        const out = await say(adapter, teams(type, 't-1', { text }));
        expect(out).toHaveLength(1);
        expect(out[0]!.text).toBe(i18n.getFixedT('pt')('review:personal-chat'));
        expect(out[0]!.attachments ?? []).toEqual([]);
      }
      const card = await say(adapter, teams(type, 't-1', { value: { faro: 1, cmd: 'submit' } }));
      expect(texts(card)).toBe(i18n.getFixedT('pt')('review:personal-chat'));
      expect((await store.list()).map((r) => r.status)).toEqual(['completed']);
      expect(await audit.entries()).toEqual([]);
    });
  }

  it('refuses a Teams user of another tenant', async () => {
    const { adapter, i18n } = reviewBot({ users, allowedTenants: ['t-1'] });
    const out = await say(adapter, teams('personal', 't-2', { text: 'menu' }));
    expect(texts(out)).toBe(i18n.getFixedT('pt')('errors:other-tenant'));
    expect(cardJson(out)).toBe('[]');
  });
});
