import { OT_CHANNEL_ID, channelMessage } from '../support/channel-activities';
import { SCHOOL, escalateAsWorker, ot, pw1, startWithClaimedSignal, teacher } from '../support/claimed-signal';
import { person, personalConversationId, invokeAction, type TestBot } from '../support/test-bot';
import type { ConnectorCall } from '../support/connector-stand-in';

const coordinator = person('zorgcoordinator');

/** The Adaptive Cards a call carried that have a `refresh`, with the ids Teams refreshes them for. */
const refreshUserIds = (calls: ConnectorCall[]): string[][] =>
  calls.flatMap((c) =>
    ((c.body?.attachments ?? []) as { content?: { refresh?: { userIds?: string[] } } }[])
      .map((a) => a.content?.refresh?.userIds)
      .filter((ids): ids is string[] => Array.isArray(ids)),
  );

describe('cards that refresh for their recipient (issue 17)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    ({ tb } = await startWithClaimedSignal({}, [teacher, pw1, ot, coordinator]));
  }, 60_000);
  afterAll(async () => tb.close());

  it('refreshes a delivered personal card automatically for its recipient only (their 29: id in refresh.userIds)', async () => {
    await tb.connector.waitFor(
      (calls) => refreshUserIds(calls.filter((c) => c.conversationId === personalConversationId(pw1))).length > 0,
    );
    const toWorker = refreshUserIds(tb.connector.calls.filter((c) => c.conversationId === personalConversationId(pw1)));
    expect(toWorker.length).toBeGreaterThan(0);
    for (const ids of toWorker) expect(ids).toEqual([`29:${pw1.entraId}`]);
  });

  it('answers a refresh in a personal chat with a card that keeps refreshing for the person who clicked', async () => {
    const [s] = await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId);
    const res = await tb.post(invokeAction(tb, pw1, 'signal.refresh', { signalId: s.id, schoolId: SCHOOL }));
    expect(res.body.value.refresh.userIds).toEqual([`29:${pw1.entraId}`]);
  });

  it('keeps manual refresh (userIds: []) on the OT channel card', async () => {
    expect((await tb.post(channelMessage(tb, coordinator, '/koppel ot'))).status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.texts(OT_CHANNEL_ID).length > 0);
    const [claimed] = await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId);
    await escalateAsWorker(tb, claimed);
    const inChannel = () => refreshUserIds(tb.connector.calls.filter((c) => c.conversationId === OT_CHANNEL_ID));
    await tb.connector.waitFor(() => inChannel().length > 0);
    expect(inChannel()).toEqual(inChannel().map(() => []));
  });
});
