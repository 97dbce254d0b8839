import { DocStore } from '../../src/store/doc-store';
import { RosterRepository } from '../../src/store/roster-repository';
import { staffDocId } from '../../src/store/schemas/directory-docs';
import { freePort, startPlayground, type PlaygroundProcess } from '../support/playground-process';
import { person, startTestBot, type TestBot } from '../support/test-bot';

/**
 * Binding on first contact against the real Agents Playground (issue 14): the bot's member
 * look-up (TeamsInfo.getMember) goes to the Playground's connector, which answers from its config
 * (`userPrincipleName`, `email`, `aadObjectId` of each user), as Teams does. No browser: the
 * activity is posted as the Playground would post it, with the Playground as its serviceUrl.
 */
describe('binding by UPN with the Agents Playground as the Bot Connector (issue 14)', () => {
  let tb: TestBot;
  let pg: PlaygroundProcess;
  const mentor = person('mentor', 0);
  const localPart = mentor.upn.split('@')[0];

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    pg = await startPlayground({ user: 'mentor', botPort: tb.bot.port, uiPort: await freePort() });
    // The mentor as a school's own export has them: e-mail address, no Entra id.
    const directory = new DocStore(tb.repos.cosmos.containers.directory);
    const stored = (await RosterRepository.on(tb.repos.cosmos).listStaff('demo-school')).find(
      (s) => s.doc.userId === mentor.entraId,
    )!.doc;
    await directory.delete(staffDocId(mentor.entraId), 'demo-school');
    await tb.repos.directory.upsertStaff({
      ...stored,
      id: staffDocId(`upn:${mentor.upn}`),
      userId: `upn:${mentor.upn}`,
    });
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
    await tb?.close();
  });

  it('binds the Playground’s current user by the UPN its member look-up answers', async () => {
    const activity = {
      type: 'message',
      id: `pg-${Date.now()}`,
      text: '/help',
      channelId: 'msteams',
      serviceUrl: `${pg.url}/_connector`,
      from: { id: `29:demo-${localPart}`, aadObjectId: mentor.entraId, name: mentor.name },
      recipient: { id: '28:cc79d9e5-8f23-5fd3-a015-bacbb9280eed', name: 'Waakvlam' },
      conversation: {
        id: `a:demo-personal-${localPart}`,
        conversationType: 'personal',
        tenantId: 'f4801c24-a43b-528f-9f61-f21a7d3447a8',
      },
      channelData: { tenant: { id: 'f4801c24-a43b-528f-9f61-f21a7d3447a8' } },
      locale: 'nl-NL',
    };
    expect((await tb.post(activity)).status).toBe(200);
    const staff = (await RosterRepository.on(tb.repos.cosmos).listStaff('demo-school')).map((s) => s.doc);
    expect(staff.find((s) => s.upn === mentor.upn)).toMatchObject({
      id: staffDocId(mentor.entraId),
      userId: mentor.entraId,
    });
    expect((await tb.repos.audit.forSchool('demo-school', 'staff.binding')).map((a) => [a.outcome, a.actorId])).toEqual(
      [['ok', mentor.entraId]],
    );
  });
});
