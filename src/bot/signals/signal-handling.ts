import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { HT } from './signal-handling-texts';
import { OT } from './open-signal-texts';
import { refusalText } from '../core/refusal-texts';
import { noticeCard } from '../core/notice-card';
import { SignalRefSchema } from './signal-action-schemas';
import { signalAction } from './signal-actions';
import {
  aftercareParser,
  answerParser,
  askParser,
  closeParser,
  noteParser,
  reassignParser,
  reopenParser,
  scoreParser,
  watchParser,
} from './signal-handling-parsers';

/** The handling verbs of the signal card (S5), each one lifecycle action through signalAction. */
export const signalScore = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, scoreParser, HT.scoreSaved);
export const signalNote = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, noteParser, HT.noteSaved);
export const signalAsk = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, askParser, HT.questionSent);
export const signalAnswer = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, answerParser, HT.answerSent);
export const signalWatch = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, watchParser, HT.watchSet);
export const signalAftercare = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, aftercareParser, HT.aftercareSet);
export const signalClose = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, closeParser, HT.closed);
/** signal.reopen (issue 16): a prevention worker takes a closed signal up again, with a reason. */
export const signalReopen = (d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> =>
  signalAction(d, c, data, reopenParser, OT.reopened);

/** Reassign (coordinator): whether the target is a prevention worker of the school comes from the store. */
export async function signalReassign(d: BotDeps, c: TurnContext, data: unknown): Promise<CardJson> {
  const ref = SignalRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const workers = new Set(
    (await d.ports.directory.listStaff(ref.data.schoolId))
      .filter((s) => !s.leftAt && s.roles.includes('preventionWorker'))
      .map((s) => s.userId),
  );
  return signalAction(
    d,
    c,
    data,
    reassignParser((id) => workers.has(id)),
    HT.reassigned,
  );
}
