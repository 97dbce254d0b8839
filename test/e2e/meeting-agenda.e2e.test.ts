import { randomUUID } from 'node:crypto';
import { auditEntries } from '../support/audit-entries';
import { actionsOf } from '../support/card-walk';
import { staffWith } from '../support/demo-people';
import { RAW_CODES, pdfText } from '../support/pdf-text';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const SCHOOL = 'demo-school';
const text = (c: unknown) => JSON.stringify(c);
const teacher = person('mentor', 0);
const [pw1] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');
/** Chloë Jansen (1A), a pupil of the teacher's mentor group with a diacritic in her name. */
const PUPIL = { number: '260101', name: 'Chloë Jansen' };

async function agendaCardFor(tb: TestBot, who: typeof coordinator): Promise<any> {
  tb.connector.reset();
  expect((await tb.post(message(tb, who, '/bespreeklijst'))).status).toBe(200);
  const agenda = () => tb.connector.cards(personalConversationId(who)).find((c) => text(c).includes('Bespreeklijst'));
  await tb.connector.waitFor(() => !!agenda());
  return agenda();
}

describe('/bespreeklijst: the agenda of the weekly care overleg (issue 16)', () => {
  let tb: TestBot;
  let reference: string;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    for (const who of [teacher, pw1, coordinator]) expect((await tb.post(installation(tb, who))).status).toBe(200);
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${PUPIL.number}`,
        categories: 'thuissituatie',
        level: '3',
        observation: 'Komt steeds later op school.',
        urgency: 'normal',
      }),
    );
    reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
    for (let i = 0; i < 3; i++) await tb.bot.outbox.runOnce(); // the notices of the new signal go out first
  });
  afterAll(async () => tb.close());

  it('gives the coordinator the agenda with the new level-3 signal under its sections, audited as a read of the pupil', async () => {
    const card = await agendaCardFor(tb, coordinator);
    const payload = text(card);
    expect(payload).toContain('Bespreeklijst Demo College De Linde');
    for (const section of [
      'Nieuw sinds vorige week (1)',
      'Inschatting of score 3 (1)',
      'Niet opgepakt of over tijd (1)',
      'Opgeschaald naar het OT (open) (0)',
      'Terug van het OT (0)',
      'Waakvlam: de datum om weer te kijken is voorbij (0)',
      'Score 3 in de laatste 1-2-3 meting, zonder open signaal (0)',
    ])
      expect(payload).toContain(section);
    expect(payload).toContain(PUPIL.name);
    expect(payload).toContain(reference);
    expect(payload).not.toContain('Komt steeds later'); // the observation is not on the agenda
    expect(payload).toContain('inschatting melder: 3'); // whose level: the reporter's, nobody scored it yet
    expect(payload).not.toContain('inschatting of score 3 ·');
    expect(actionsOf(card, 'digest.openSignal').map((a) => a.data.list)).toEqual(['agenda', 'agenda', 'agenda']);
    const reads = (await auditEntries(tb, 'meeting.agenda')).filter(
      (e) => e.actorId === coordinator.entraId && e.outcome === 'ok',
    );
    expect(reads.map((e) => e.pupilId)).toContain(`pupil:${PUPIL.number}`);
  });

  it('gives a prevention worker the same agenda, and Openen sends her the signal card and keeps the list', async () => {
    const card = await agendaCardFor(tb, pw1);
    const [open] = actionsOf(card, 'digest.openSignal');
    tb.connector.reset();
    const res = await tb.post(invokeAction(tb, pw1, 'digest.openSignal', open.data));
    expect(res.status).toBe(200);
    expect(text(res.body.value)).toContain('Bespreeklijst Demo College De Linde');
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(personalConversationId(pw1))
        .some((c) => text(c).includes(reference) && !text(c).includes('Bespreeklijst')),
    );
    const views = (await auditEntries(tb, 'signal.view')).filter((e) => e.actorId === pw1.entraId);
    expect(views.some((e) => e.outcome === 'ok' && e.pupilId === `pupil:${PUPIL.number}`)).toBe(true);
  });

  it('refuses /bespreeklijst to a teacher, in Dutch, and audits the attempt', async () => {
    tb.connector.reset();
    await tb.post(message(tb, teacher, '/bespreeklijst'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(teacher)).length > 0);
    expect(tb.connector.texts(personalConversationId(teacher)).join(' ')).toContain(
      'De bespreeklijst is alleen voor de preventiewerkers',
    );
    expect(tb.connector.cards(personalConversationId(teacher))).toEqual([]);
    const refused = (await auditEntries(tb, 'meeting.agenda')).filter((e) => e.actorId === teacher.entraId);
    expect(refused.map((e) => [e.outcome, e.code, e.pupilId ?? null])).toEqual([
      ['refused', 'agenda-not-allowed', null],
    ]);
  });

  it('refuses a teacher who replays the Openen button, and audits it', async () => {
    const [open] = actionsOf(await agendaCardFor(tb, coordinator), 'digest.openSignal');
    tb.connector.reset();
    const res = await tb.post(invokeAction(tb, teacher, 'digest.openSignal', open.data));
    expect(res.status).toBe(200);
    expect(text(res.body.value)).not.toContain(PUPIL.name);
    expect(tb.connector.cards(personalConversationId(teacher))).toEqual([]);
    const refused = (await auditEntries(tb, 'digest.openSignal')).filter((e) => e.actorId === teacher.entraId);
    expect(refused.map((e) => [e.outcome, e.code])).toEqual([['refused', 'agenda-not-allowed']]);
  });

  it('downloads the agenda once as a PDF with Dutch headings, the pupil’s name and no codes, audited', async () => {
    const card = await agendaCardFor(tb, coordinator);
    const url = JSON.stringify(card).match(/"url":"([^"]+\/export\/[A-Za-z0-9_-]+)"/)![1];
    expect(url.startsWith(`${tb.bot.url}/export/`)).toBe(true);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bespreeklijst-waakvlam.pdf"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const pdf = await pdfText(Buffer.from(await res.arrayBuffer()));
    for (const expected of [
      'Bespreeklijst Demo College De Linde',
      'Nieuw sinds vorige week (1)',
      'Inschatting of score 3 (1)',
      'Terug van het OT (0)',
      'Niets om te bespreken.',
      `${reference} · ${PUPIL.name} (1A)`,
      'gemeld op',
    ])
      expect(pdf).toContain(expected);
    expect(pdf).toMatch(
      /Gemaakt op \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}/,
    );
    for (const code of RAW_CODES) expect({ code, found: pdf.includes(code) }).toEqual({ code, found: false });

    const again = await fetch(url);
    expect(again.status).toBe(410);
    const downloads = (await auditEntries(tb, 'meeting.agenda.download')).filter(
      (e) => e.actorId === coordinator.entraId && e.outcome === 'ok',
    );
    expect(downloads.map((e) => e.pupilId)).toContain(`pupil:${PUPIL.number}`);
  });
});
