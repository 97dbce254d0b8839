import {
  TENANT,
  installation,
  message,
  person,
  personalConversationId,
  searchInvoke,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const OTHER_TENANT = '0c2a9b55-7d4e-4d7a-9f0e-000000000bad';

describe('tenant allow-list (issue 7)', () => {
  let tb: TestBot;
  const teacher = person('mentor', 0);
  const outsider = person('docent', 2);

  beforeAll(async () => {
    tb = await startTestBot({ env: { ALLOWED_TENANTS: `${TENANT}, 11111111-2222-3333-4444-555555555555` } });
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  /** An activity with the tenant set as given (undefined = left out). */
  const withTenant = (
    activity: any,
    conversationTenant: string | undefined,
    channelDataTenant: string | undefined,
  ) => ({
    ...activity,
    conversation: { ...activity.conversation, tenantId: conversationTenant },
    channelData: channelDataTenant === undefined ? {} : { tenant: { id: channelDataTenant } },
  });

  it('serves an allowed tenant when conversation.tenantId and channelData.tenant.id agree', async () => {
    const res = await tb.post(withTenant(searchInvoke(tb, teacher, 'a'), TENANT, TENANT));
    expect(res.status).toBe(200);
    expect(res.body.value.results.length).toBeGreaterThan(0);
    expect((await tb.post(installation(tb, teacher))).status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.sentTo(personalConversationId(teacher)).length > 0);
  });

  it.each([
    ['another tenant', OTHER_TENANT, OTHER_TENANT],
    ['tenant ids that disagree', TENANT, OTHER_TENANT],
    ['tenant ids that disagree the other way round', OTHER_TENANT, TENANT],
    ['no conversation.tenantId', undefined, TENANT],
    ['no channelData.tenant.id', TENANT, undefined],
    ['no tenant at all', undefined, undefined],
  ])(
    'refuses %s with 403, runs no handler and audits the refusal',
    async (_case, conversationTenant, channelDataTenant) => {
      const before = (await tb.repos.audit.forSchool('_tenant')).length;
      const responses = [
        await tb.post(withTenant(message(tb, outsider, '/signaal'), conversationTenant, channelDataTenant)),
        await tb.post(withTenant(installation(tb, outsider), conversationTenant, channelDataTenant)),
        await tb.post(withTenant(searchInvoke(tb, outsider, 'a'), conversationTenant, channelDataTenant)),
      ];
      for (const res of responses)
        expect(res).toEqual({ status: 403, body: { error: 'forbidden', correlationId: expect.any(String) } });
      await new Promise((r) => setTimeout(r, 100));
      expect(tb.connector.calls).toHaveLength(0);
      expect(await tb.repos.directory.getConversation('demo-school', outsider.entraId)).toBeUndefined();
      const audit = await tb.repos.audit.forSchool('_tenant');
      expect(audit.length).toBe(before + 3);
      expect(
        audit
          .slice(before)
          .every((a) => a.action === 'tenant.refused' && a.outcome === 'refused' && a.actorId === outsider.entraId),
      ).toBe(true);
    },
  );
});
