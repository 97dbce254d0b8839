import type { Signal } from '../../src/domain/signal';
import { T } from '../../src/bot/core/texts';
import { channelInvoke } from '../support/channel-activities';
import { SCHOOL, escalateAsWorker, ot, pupil, pw1, startWithClaimedSignal, teacher } from '../support/claimed-signal';
import type { DemoStaff } from '../support/demo-people';
import { TENANT, invokeAction, type TestBot } from '../support/test-bot';
import { addSchool } from '../support/schools';

const text = (c: unknown) => JSON.stringify(c);
const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';
const outsider: DemoStaff = {
  name: 'Onbekende Bezoeker',
  upn: 'bezoeker@elders.example',
  roles: [],
  classes: [],
  entraId: 'c0ffee00-0000-4000-8000-00000000beef',
};
const otherSchoolOt: DemoStaff = {
  name: 'Elders Werkend',
  upn: 'e.werkend@andere-school.example',
  roles: ['ot'],
  classes: [],
  entraId: 'c0ffee00-0000-4000-8000-0000000000ff',
};

/** The same click, arriving from another (allowed) tenant. */
const fromTenant = (activity: any, tenantId: string) => ({
  ...activity,
  conversation: { ...activity.conversation, tenantId },
  channelData: { ...activity.channelData, tenant: { id: tenantId } },
});

describe('escalation.refresh answers only members of the school (issue 19)', () => {
  let tb: TestBot;
  let s: Signal;
  const ref = () => ({ signalId: s.id, schoolId: SCHOOL, n: 0 });

  beforeAll(async () => {
    let claimed: Signal;
    ({ tb, claimed } = await startWithClaimedSignal({ ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}` }));
    s = await escalateAsWorker(tb, claimed);
    await addSchool(tb, 'other-school');
    await tb.repos.directory.upsertStaff({
      id: `staff:${otherSchoolOt.entraId}`,
      type: 'staff',
      schoolId: 'other-school',
      userId: otherSchoolOt.entraId,
      displayName: otherSchoolOt.name,
      roles: ['supportTeam'],
      classIds: [],
    });
  }, 60_000);
  afterAll(async () => tb.close());

  it.each([
    ['an OT member', ot],
    ['the prevention worker', pw1],
    ['the teacher', teacher],
  ])('shows %s of the school the channel card in the channel', async (_who, who) => {
    const res = await tb.post(channelInvoke(tb, who, 'escalation.refresh', ref()));
    expect(res.status).toBe(200);
    expect(text(res.body.value)).toContain(s.reference);
  });

  const others: Array<[string, () => any]> = [
    ['an unknown id in the channel', () => channelInvoke(tb, outsider, 'escalation.refresh', ref())],
    ['an unknown id in a personal chat', () => invokeAction(tb, outsider, 'escalation.refresh', ref())],
    [
      'an OT member of another school in the channel',
      () => channelInvoke(tb, otherSchoolOt, 'escalation.refresh', ref()),
    ],
    [
      'an OT member of another school in a personal chat',
      () => invokeAction(tb, otherSchoolOt, 'escalation.refresh', ref()),
    ],
    [
      "the school's OT member from another tenant in the channel",
      () => fromTenant(channelInvoke(tb, ot, 'escalation.refresh', ref()), OTHER_TENANT),
    ],
    [
      "the school's OT member from another tenant in a personal chat",
      () => fromTenant(invokeAction(tb, ot, 'escalation.refresh', ref()), OTHER_TENANT),
    ],
  ];
  it.each(others)('gives %s the neutral notice, naming nothing, and audits it', async (_case, activity) => {
    const a = activity();
    const res = await tb.post(a);
    expect(res.status).toBe(200);
    const answer = text(res.body.value);
    expect(answer).toContain(T.cardUnavailable);
    for (const secret of [s.reference, pupil.firstName, pw1.name, 'Kan het OT helpen?'])
      expect(answer).not.toContain(secret);
    const audit = await tb.repos.audit.forSchool(SCHOOL, 'escalation.view');
    expect(
      audit.some(
        (e) =>
          e.outcome === 'refused' &&
          e.code === 'not-member' &&
          e.actorId === a.from.aadObjectId &&
          e.correlationId === a.id,
      ),
    ).toBe(true);
  });
});
