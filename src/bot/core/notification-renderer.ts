import { reporterStatus } from '../../domain/signal-lifecycle';
import { SIGNAL_STATES } from '../../domain/signal';
import { toActor } from '../../app/core/actors';
import { NOTIFY } from '../../app/signals/signal-notifications';
import type { AppPorts, OutboxMessage, StaffRecord } from '../../app/core/ports';
import type { BotDeps } from './bot-deps';
import { renderCard, type CardJson } from './render-card';
import { drawSignalCard } from '../signals/signal-card-context';
import type { RoleNames } from '../../domain/role-labels';
import { roleNamesAt } from './role-names';
import { CATEGORY_LABELS, LEVEL_LABELS, T } from './texts';
import { pupilLabel } from './pupil-label';
import { undeliverableNotice } from './undeliverable-renderer';
import { literal } from './literal-text';

export type Rendered = { card: CardJson; summary: string } | { skip: true };

const REPORTER_STATUS_TEXT: Record<string, (by: string, n: RoleNames) => string> = {
  received: () => 'is ontvangen.',
  claimed: (by) => `is opgepakt door ${by}.`,
  inProgress: () => 'is in behandeling.',
  escalated: (_by, n) => `is opgeschaald naar het ${n('supportTeam')} (OT).`,
  watch: (_by, n) => `is weer bij de ${n('preventionWorker')}, die de vinger aan de pols houdt (waakvlam).`,
  /** a watch set without an escalation before it: nothing came back, so not "weer" */
  watchDirect: (by, n) =>
    `wordt in de gaten gehouden door ${by} (waakvlam): op een afgesproken moment kijkt de ${n('preventionWorker')} weer hoe het gaat.`,
  aftercare: () => 'is in de fase van nazorg.',
  closed: (by) => `is afgerond door ${by}. Bedankt dat je het hebt gemeld.`,
};

/**
 * Renders an outbox message for its recipient at delivery time, from current state: a card
 * queued before a claim shows the claim when it goes out. Returns skip when there is nothing left
 * to say (the signal was erased, or the recipient left).
 */
export async function renderNotification(
  deps: Pick<BotDeps, 'ports'>,
  schoolId: string,
  msg: Pick<OutboxMessage, 'target' | 'payload'>,
): Promise<Rendered> {
  const ports: AppPorts = deps.ports;
  const p = msg.payload;
  const staff = await ports.directory.listStaff(schoolId);
  const recipient: StaffRecord | undefined =
    msg.target.kind === 'user' ? staff.find((s) => s.userId === (msg.target as { userId: string }).userId) : undefined;
  const signal = p.signalId ? (await ports.signals.get(schoolId, p.signalId))?.doc : undefined;
  if (p.signalId && !signal) return { skip: true };
  const pupil = signal ? await ports.directory.getPupil(schoolId, signal.pupilId) : undefined;
  const name = (id?: string) => literal(staff.find((s) => s.userId === id)?.displayName ?? 'een collega');
  const notice = (title: string, text: string, color = 'Default', facts: { title: string; value: string }[] = []) => ({
    card: renderCard('notice', { title, text, color, facts }),
    summary: title,
  });
  const n = await roleNamesAt(deps, schoolId);
  const workers = n('preventionWorker', { plural: true });

  switch (p.kind) {
    case NOTIFY.signalCard: {
      if (!signal || !recipient) return { skip: true };
      return {
        card: await drawSignalCard(deps as BotDeps, toActor(recipient), signal),
        summary: T.newSignalTitle(signal.reference),
      };
    }
    case NOTIFY.mentorNotice:
      if (!signal) return { skip: true };
      return notice(
        `Signaal over je mentorleerling`,
        `${name(signal.reporterId)} heeft een signaal gedaan over ${pupil ? pupilLabel(pupil) : 'een leerling uit je mentorgroep'} (${signal.reference}). De ${workers} pakken het op; neem gerust contact met hen op.`,
        'Default',
        [{ title: 'Categorie', value: signal.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ') }],
      );
    case NOTIFY.levelThreeNotice:
      if (!signal) return { skip: true };
      return notice(
        `Crisis/nood gemeld: ${signal.reference}`,
        `Er is een signaal met niveau 3 (crisis/nood) over ${pupil ? pupilLabel(pupil) : 'een leerling'}. De ${workers} zijn ingelicht.`,
        'Attention',
        [
          { title: 'Niveau', value: LEVEL_LABELS[3] },
          { title: 'Categorie', value: signal.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ') },
        ],
      );
    case NOTIFY.attendanceNotice:
      if (!signal) return { skip: true };
      return notice(
        `Verzuimsignaal ${signal.reference}`,
        `Er is een signaal in de categorie verzuim over ${pupil ? pupilLabel(pupil) : 'een leerling'}. De school doet een verzuimmelding via DUO; de ${workers} houden je op de hoogte.`,
        'Warning',
      );
    case NOTIFY.reporterStatus: {
      if (!signal) return { skip: true };
      // The state this message is about (a message that waited tells its own step, not today's state).
      const about = SIGNAL_STATES.find((st) => st === p.params.state);
      const status = reporterStatus(about ? { ...signal, state: about } : signal);
      const key = status === 'watch' && !signal.escalation ? 'watchDirect' : status;
      const text = REPORTER_STATUS_TEXT[key]?.(name(signal.ownerId), n) ?? 'is bijgewerkt.';
      return notice(
        `Update over je signaal ${signal.reference}`,
        `Je signaal over ${pupil ? pupilLabel(pupil) : 'de leerling'} ${text}`,
      );
    }
    case NOTIFY.undeliverable: {
      const ref = signal?.reference ?? String(p.params.reference ?? '');
      if (p.params.reason === 'noWorkers')
        return notice(T.undeliverableTitle, T.noWorkersForSignal(ref, n), 'Attention');
      const undelivered = undeliverableNotice(p.params, ref, n);
      return notice(undelivered.title, undelivered.text, 'Attention');
    }
    case NOTIFY.notice:
      return notice(
        String(p.params.title ?? 'Waakvlam'),
        String(p.params.text ?? ''),
        String(p.params.color ?? 'Default'),
      );
    default:
      return extraRenderers[p.kind] ? extraRenderers[p.kind](deps as BotDeps, schoolId, msg) : { skip: true };
  }
}

/** Renderers added by other capabilities (escalation, rounds, digests) register here. */
export const extraRenderers: Record<
  string,
  (deps: BotDeps, schoolId: string, msg: Pick<OutboxMessage, 'target' | 'payload'>) => Promise<Rendered>
> = {};
