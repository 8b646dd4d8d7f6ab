import { rememberConversation, saveConversationRef } from '../../src/bot/conversation-ref';
import { memorySessionStore } from '../fakes/memory-session-store';
import { record } from '../fixtures/records';

const activity = (id: string, conv: string) => ({
  type: 'message', id, channelId: 'msteams', serviceUrl: 'https://smba.example/', text: 'secret words',
  from: { id: '29:a', name: 'A' }, recipient: { id: 'bot', name: 'Faro' }, conversation: { id: conv, conversationType: 'personal' } as never,
});

describe('conversation reference on the record', () => {
  it('stores where to reach the author, without the message text, and changes nothing when it is the same conversation', () => {
    const next = rememberConversation(record(), activity('a1', 'conv-1'));
    expect(next?.conversationRef).toMatchObject({ conversation: { id: 'conv-1' }, serviceUrl: 'https://smba.example/', channelId: 'msteams' });
    expect(JSON.stringify(next?.conversationRef)).not.toContain('secret words');
    expect(rememberConversation(next!, activity('a2', 'conv-1'))).toBeUndefined();
    expect(rememberConversation(next!, activity('a3', 'conv-2'))?.conversationRef).toMatchObject({ conversation: { id: 'conv-2' } });
  });

  it('saves it only for the author, with the etag read', async () => {
    const store = memorySessionStore();
    const r = record();
    const first = await store.save(r, null);
    expect(await saveConversationRef(store, r.id, 'someone-else', activity('a1', 'c'))).toBeUndefined();
    expect((await store.load(r.id))!.etag).toBe(first.ok && first.etag);
    const etag = await saveConversationRef(store, r.id, r.author.id, activity('a1', 'c'));
    expect((await store.load(r.id))).toMatchObject({ etag, record: { conversationRef: { conversation: { id: 'c' } } } });
  });
});
