import { attachmentsOf, composedFaro, decodeDataUrl, textOf } from '../helpers/composed-bot';

const cardText = (acts: { attachments?: { content?: unknown }[] }[]) => JSON.stringify(acts.flatMap((a) => a.attachments ?? []).map((x) => x.content));

describe('notes read for indicators, confirmed only by the interviewer', () => {
  it('suggests what a note points to, marks only on confirmation, and reports the unconfirmed apart', async () => {
    const { person, faro } = await composedFaro();
    const officer = person('demo-officer-s1', 'en-US');
    await officer.say('start interview');
    const out = await officer.say('note they kept her passport and she owed the fare for the trip');
    const card = cardText(out as never);
    expect(card).toContain('"cmd":"mark","arg":"doc-passport-retained"');
    expect(card).toContain('"cmd":"mark","arg":"debt-travel-or-recruitment"');

    const [row] = await faro.store.list();
    let record = (await faro.store.load(row!.id))!.record;
    const note = record.state.notes[0]!;
    expect(record.state.marks['doc-passport-retained']).toMatchObject({ status: 'suggested', noteIds: [note.id] });
    expect(Object.values(record.state.marks).every((m) => m.status === 'suggested')).toBe(true);

    expect(textOf(await officer.say({ faro: 1, cmd: 'mark', arg: 'doc-passport-retained' }))).toMatch(/Marked:/);
    record = (await faro.store.load(row!.id))!.record;
    expect(record.state.marks['doc-passport-retained']!.status).toBe('confirmed');
    expect(record.state.marks['debt-travel-or-recruitment']!.status).toBe('suggested');

    const exported = JSON.parse(decodeDataUrl(attachmentsOf(await officer.say('export'))[0]!.contentUrl!));
    const status = Object.fromEntries(exported.indicators.map((i: { id: string; status: string }) => [i.id, i.status]));
    expect(status).toMatchObject({ 'doc-passport-retained': 'confirmed', 'debt-travel-or-recruitment': 'suggested' });
  });

  it('suggests nothing for a negated note, in Spanish', async () => {
    const { person, faro } = await composedFaro();
    const officer = person('demo-officer-s2');
    await officer.say('empezar interview');
    const out = await officer.say('nota no le quitaron el pasaporte');
    expect(cardText(out as never)).not.toContain('"cmd":"mark"');
    const [row] = await faro.store.list();
    expect((await faro.store.load(row!.id))!.record.state.marks).toEqual({});
  });

  it('redacts personal data in exports with the real analyser, labelled in the reader language', async () => {
    const { person } = await composedFaro();
    const officer = person('demo-officer-s3', 'pt-BR');
    await officer.say('começar interview');
    await officer.say('nota Ela se chama Ana Souza, e-mail ana.souza@example.com, telefone (11) 98765-4321.');
    const file = decodeDataUrl(attachmentsOf(await officer.say('exportar'))[0]!.contentUrl!);
    expect(file).not.toMatch(/Ana Souza|ana\.souza@example\.com|98765-4321/);
    expect(file).toContain('[E-MAIL]');
  });
});
