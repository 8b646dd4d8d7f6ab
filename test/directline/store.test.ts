import { DirectLineStore } from '../../src/directline/store';

describe('DirectLineStore', () => {
  it('keeps only the most recent activities of a conversation, with watermarks that keep counting', () => {
    const store = new DirectLineStore({ maxActivities: 3, idleMs: 60_000, now: () => 0 });
    const conv = store.create();
    for (let i = 1; i <= 5; i++) store.append(conv, { type: 'message', text: `m${i}` });
    const all = store.since(conv, 0);
    expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    expect(all.watermark).toBe('5');
    expect(store.since(conv, 4).activities.map((a) => a.text)).toEqual(['m5']);
  });

  it('forgets a conversation idle for longer than the idle time, token and all', () => {
    let now = 1_000_000;
    const store = new DirectLineStore({ maxActivities: 10, idleMs: 60_000, now: () => now });
    const idle = store.create();
    const busy = store.create();
    now += 50_000;
    expect(store.authorize(busy.id, busy.token)).toBe(busy);
    now += 20_000;
    expect(store.authorize(idle.id, idle.token)).toBeUndefined();
    expect(store.byToken(idle.token)).toBeUndefined();
    expect(store.authorize(busy.id, busy.token)).toBe(busy);
    now += 120_000;
    store.create();
    expect(store.size).toBe(1);
  });

  it('gives each conversation its own token and ids prefixed by the conversation id', () => {
    const store = new DirectLineStore({ maxActivities: 10, idleMs: 60_000, now: () => 0 });
    const a = store.create();
    const b = store.create();
    expect(a.token).not.toBe(b.token);
    expect(store.authorize(a.id, b.token)).toBeUndefined();
    expect(store.append(a, { type: 'message' }).id.startsWith(`${a.id}|`)).toBe(true);
  });
});
