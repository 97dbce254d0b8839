import type { DemoStaff } from './demo-people';
import { TENANT, invokeAction, message, type TestBot } from './test-bot';

/** The demo team and its OT channel, as Teams names them in activities from a channel. */
export const DEMO_TEAM_ID = '19:demo-team@thread.tacv2';
export const OT_CHANNEL_ID = '19:ot-channel@thread.tacv2';

const inChannel = (channelId: string, teamId: string) => ({
  conversation: { id: channelId, conversationType: 'channel', tenantId: TENANT, isGroup: true },
  channelData: { tenant: { id: TENANT }, team: { id: teamId }, channel: { id: channelId } },
});

/** A message typed in a team channel (e.g. `/koppel ot`). */
export const channelMessage = (
  tb: TestBot,
  who: DemoStaff,
  text: string,
  channelId = OT_CHANNEL_ID,
  teamId = DEMO_TEAM_ID,
) => ({ ...message(tb, who, text), ...inChannel(channelId, teamId) });

/** A click on an Action.Execute button of a card posted in a team channel. */
export const channelInvoke = (
  tb: TestBot,
  who: DemoStaff,
  verb: string,
  data: object,
  channelId = OT_CHANNEL_ID,
  teamId = DEMO_TEAM_ID,
) => ({ ...invokeAction(tb, who, verb, data), ...inChannel(channelId, teamId) });
