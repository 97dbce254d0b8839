import type { PupilRecord, StaffRecord } from '../../app/core/ports';
import type { RoundLevel } from '../../app/story/pupil-story';
import { parseRoundId } from '../../domain/round-windows';
import { trend } from '../../domain/round-scores';
import type { Actor } from '../../domain/roles';
import type { RoleNames } from '../../domain/role-labels';
import type { Escalation, Level, Signal } from '../../domain/signal';
import { literal } from '../core/literal-text';
import { pupilLabel } from '../core/pupil-label';
import { renderCard, type CardJson } from '../core/render-card';
import { CATEGORY_LABELS, OUTCOME_LABELS, STATE_LABELS, formatDate } from '../core/texts';
import { PS } from './story-texts';

const STATE_COLORS: Record<string, string> = { new: 'Attention', escalated: 'Warning', closed: 'Default' };

export interface StoryView {
  viewer: Actor;
  pupil: PupilRecord;
  signals: Signal[];
  rounds: RoundLevel[];
  staff: StaffRecord[];
  names: RoleNames;
  /** the school's name, for a viewer at several schools */
  schoolName?: string;
  message?: string;
}

/**
 * One card with a pupil's whole story (issue 16): the 1-2-3 level per recent round and every
 * signal, open and closed, with its dates, state, outcome, escalations and an Open button. Only
 * facts: no observation, note or reason (the signal card behind Open shows what the viewer may read).
 */
export function pupilStoryCard(v: StoryView): CardJson {
  const name = (id?: string) => literal(v.staff.find((s) => s.userId === id)?.displayName ?? PS.someColleague);
  const scored = v.rounds.filter((r) => r.level !== undefined).map((r) => r.level as Level);
  // an OT member opens a signal only once it was escalated to the OT (the same check as viewSignal)
  const opensAny = v.viewer.roles.includes('preventionWorker') || v.viewer.roles.includes('coordinator');
  return renderCard('pupil-story', {
    title: PS.title(pupilLabel(v.pupil), v.schoolName),
    message: v.message ?? '',
    intro: PS.intro(v.signals.length, v.signals.filter((s) => s.state !== 'closed').length),
    roundsTitle: PS.roundsTitle,
    roundsNone: PS.roundsNone,
    rounds: scored.length
      ? v.rounds.map((r) => ({
          label: roundLabel(r.roundId),
          level: r.level !== undefined ? String(r.level) : PS.noScore,
        }))
      : [],
    trend: scored.length > 1 ? PS.trend(trend(scored)) : '',
    signalsTitle: PS.signalsTitle,
    signals: v.signals.map((s) => ({
      reference: s.reference,
      state: STATE_LABELS[s.state] ?? s.state,
      color: STATE_COLORS[s.state] ?? 'Accent',
      lines: storyLines(s, name, v.names).map((line) => ({ line })),
      openable: opensAny || !!s.escalation,
      open: PS.open,
      signalId: s.id,
      schoolId: s.schoolId,
      pupilId: s.pupilId,
    })),
  });
}

const roundLabel = (roundId: string): string => {
  const r = parseRoundId(roundId);
  return r ? PS.roundLabel(r.roundNo, r.schoolYearStart) : roundId;
};

/** The facts of one signal on the story card, in the order they happened. */
function storyLines(s: Signal, name: (id?: string) => string, n: RoleNames): string[] {
  const lines = [PS.reported(formatDate(s.createdAt), s.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', '))];
  lines.push(s.ownerId ? PS.owner(name(s.ownerId)) : PS.notClaimed);
  for (const e of [...(s.previousEscalations ?? []), ...(s.escalation ? [s.escalation] : [])])
    lines.push(PS.escalation(n, escalationSteps(e, name)));
  for (const h of s.history) {
    if (h.action === 'close')
      lines.push(PS.closed(formatDate(h.at), h.outcome ? (OUTCOME_LABELS[h.outcome] ?? '') : ''));
    if (h.action === 'reopen') lines.push(PS.reopened(formatDate(h.at)));
  }
  return lines;
}

function escalationSteps(e: Escalation, name: (id?: string) => string): string {
  const steps = [PS.escalationRequested(formatDate(e.requestedAt))];
  if (e.claimedAt) steps.push(PS.escalationClaimed(formatDate(e.claimedAt), name(e.claimedBy)));
  if (e.returnedAt) steps.push(PS.escalationReturned(formatDate(e.returnedAt)));
  return steps.join('; ');
}

/** Several pupils match the name: one row each, with a button that opens that pupil's story. */
export function pupilChoiceCard(query: string, pupils: PupilRecord[], schoolNames: Map<string, string>): CardJson {
  return renderCard('pupil-choice', {
    title: PS.choiceTitle(literal(query)),
    intro: PS.choiceIntro,
    pupils: pupils.map((p) => ({
      label: schoolNames.size > 1 ? `${pupilLabel(p)} · ${schoolNames.get(p.schoolId) ?? ''}` : pupilLabel(p),
      choose: PS.choiceButton,
      schoolId: p.schoolId,
      pupilId: p.id,
    })),
  });
}
