import type { RoleNames } from '../../domain/role-labels';
import { T } from './texts';
import { UT } from './undeliverable-texts';
import { literal } from './literal-text';

/** The card parts of a notice (the caller draws it with the `notice` template). */
export interface UndeliverableNotice {
  title: string;
  text: string;
}

type Params = Record<string, string | number | boolean>;

/**
 * The coordinators' notice that a message did not arrive, in words that fit the recipient (a
 * person or a school channel), the reason (never opened, refused by Teams, connection lost, given
 * up) and its scope: one message (a new signal card, a channel post) or, once per person per
 * school day, everything that waits for that person. `ref` is the signal's reference, if any.
 * Older notices (queued before `scope` and `target` existed) read as one message.
 */
export function undeliverableNotice(params: Params, ref: string, names?: RoleNames): UndeliverableNotice {
  const whoRaw = String(params.who ?? UT.someColleague);
  const coordinatorsChannel = params.target === 'channel' && whoRaw !== UT.otChannel;
  const who = coordinatorsChannel ? UT.coordinatorsChannel(names) : literal(whoRaw);
  const reason = String(params.reason ?? '');
  const about = String(params.about ?? '');
  const channel = params.target === 'channel' || reason.startsWith('channel-');
  const what = ref
    ? (UT.whatAboutSignal[about] ?? UT.whatSignalOther)(ref)
    : (T.undeliverableWhat[about] ?? UT.whatOther);

  if (channel) {
    const command = whoRaw === UT.otChannel ? '`/koppel ot`' : '`/koppel overzicht`';
    const lines = [UT.notPosted(what, who)];
    if (reason === 'channel-not-linked') lines.push(UT.whyChannelNotLinked, UT.waitsForLink(command, names));
    else if (reason === 'channel-unreachable') lines.push(UT.whyChannelRefused, UT.waitsForRelink(command));
    else lines.push(UT.whyGaveUp, UT.givenUp(names));
    return { title: UT.title, text: lines.join(' ') };
  }

  const lines = [UT.notDelivered(what, who)];
  const waits =
    reason === 'no-conversation-reference' ||
    reason.startsWith('unreachable:') ||
    reason.startsWith('connection-lost:');
  if (reason === 'no-conversation-reference') lines.push(UT.whyNoReference(who));
  else if (reason.startsWith('unreachable:')) lines.push(UT.whyRefused(who));
  else if (reason.startsWith('connection-lost:')) lines.push(UT.whyConnectionLost(who));
  else lines.push(UT.whyGaveUp);
  if (!waits) return { title: UT.title, text: [...lines, UT.givenUp(names)].join(' ') };

  const opened = reason !== 'no-conversation-reference';
  if (about === 'signalCard' && ref && params.scope !== 'person') {
    return { title: UT.titleSignalCard(ref, who), text: [...lines, UT.signalWaitsForPerson(who, opened)].join(' ') };
  }
  lines.push(UT.waitsForPerson(who, opened));
  if (params.scope === 'person')
    return { title: UT.titlePerson(who), text: [...lines, UT.laterMessagesWait(who)].join(' ') };
  return { title: UT.title, text: lines.join(' ') };
}
