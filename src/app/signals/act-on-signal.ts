import { decide, type SignalAction, type SignalEvent } from '../../domain/signal-lifecycle';
import type { Signal } from '../../domain/signal';
import { actorAt, type Person } from '../core/actors';
import type { AppPorts, OutboxMessage, StaffRecord } from '../core/ports';
import { messagesForEvents } from './signal-event-messages';
import { mentorFollowingSignal } from './mentor-following-signal';
import type { RefusalCode } from '../../domain/refusal-codes';

export type ActOutcome =
  | { ok: true; signal: Signal; events: SignalEvent[] }
  | { ok: false; code: RefusalCode; signal?: Signal; forged?: boolean };

/** Refusals that mean the card was not this person's to use: audited as forged attempts. */
const FORGED_CODES = new Set(['not-allowed-role', 'other-school', 'not-owner', 'not-reporter']);

/**
 * Every change to a signal goes through here: read, ask the lifecycle module, write back
 * guarded by the ETag, and retry the whole read-decide-write on a conflict (never last-write-wins).
 * `expectedVersion` is the version the card was drawn on: a card drawn on an older version
 * gets 'stale' and the current card, never a second transition.
 */
export async function actOnSignal(
  ports: AppPorts,
  person: Person,
  args: {
    schoolId: string;
    signalId: string;
    action: SignalAction;
    expectedVersion?: string;
    extraMessages?: (s: Signal, staff: StaffRecord[]) => OutboxMessage[];
    correlationId?: string;
  },
): Promise<ActOutcome> {
  const actor = actorAt(person, args.schoolId);
  for (let attempt = 0; attempt < 6; attempt++) {
    const current = await ports.signals.get(args.schoolId, args.signalId);
    if (!current) {
      await ports.audit.record({
        schoolId: args.schoolId,
        actorId: person.userId || 'unknown',
        actorRoles: actor ? [...actor.roles] : [],
        action: `signal.${args.action.type}`,
        correlationId: args.correlationId,
        outcome: 'refused',
        code: 'signal-unknown',
        signalId: args.signalId,
      });
      return { ok: false, code: 'signal-unknown' };
    }
    if (!actor) {
      await ports.audit.record({
        schoolId: args.schoolId,
        actorId: person.userId || 'unknown',
        actorRoles: [],
        action: `signal.${args.action.type}`,
        correlationId: args.correlationId,
        outcome: 'refused',
        code: 'other-school',
        signalId: args.signalId,
        pupilId: current.doc.pupilId,
      });
      return { ok: false, code: 'forged', forged: true };
    }
    const now = ports.clock.now();
    const decision = decide(current.doc, args.action, actor, now, args.expectedVersion);
    if (!decision.ok) {
      const forged = FORGED_CODES.has(decision.code);
      await ports.audit.record({
        schoolId: args.schoolId,
        actorId: actor.userId,
        actorRoles: [...actor.roles],
        action: `signal.${args.action.type}`,
        correlationId: args.correlationId,
        outcome: 'refused',
        code: decision.code,
        signalId: args.signalId,
        pupilId: current.doc.pupilId,
      });
      return { ok: false, code: forged ? 'forged' : decision.code, signal: current.doc, forged };
    }
    const staff = await ports.directory.listStaff(args.schoolId);
    const mentorId =
      decision.value.signal.state !== current.doc.state
        ? await mentorFollowingSignal(ports, decision.value.signal, staff)
        : undefined;
    const messages = [
      ...messagesForEvents(current.doc, decision.value.signal, decision.value.events, staff, mentorId),
      ...(args.extraMessages?.(decision.value.signal, staff) ?? []),
    ];
    const written = await ports.signals.update(decision.value.signal, current.etag, messages, now);
    if (written === 'ok') {
      await ports.audit.record({
        schoolId: args.schoolId,
        actorId: actor.userId,
        actorRoles: [...actor.roles],
        action: `signal.${args.action.type}`,
        correlationId: args.correlationId,
        outcome: 'ok',
        signalId: args.signalId,
        pupilId: current.doc.pupilId,
      });
      return { ok: true, signal: decision.value.signal, events: decision.value.events };
    }
    // Someone else changed the signal between our read and write: decide again on the new version.
  }
  return { ok: false, code: 'busy' };
}

/** Read a signal for display, after checking the person may see it at all. */
export async function viewSignal(
  ports: AppPorts,
  person: Person,
  schoolId: string,
  signalId: string,
  correlationId?: string,
): Promise<{ ok: true; signal: Signal } | { ok: false; code: RefusalCode }> {
  const actor = actorAt(person, schoolId);
  const current = await ports.signals.get(schoolId, signalId);
  if (!current) return { ok: false, code: 'signal-unknown' };
  const mayView =
    !!actor &&
    (current.doc.reporterId === actor.userId ||
      actor.roles.some(
        (r) => r === 'preventionWorker' || r === 'coordinator' || (r === 'supportTeam' && !!current.doc.escalation),
      ));
  if (!mayView) {
    await ports.audit.record({
      schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: actor ? [...actor.roles] : [],
      action: 'signal.view',
      correlationId,
      outcome: 'refused',
      code: 'not-allowed-role',
      signalId,
    });
    return { ok: false, code: 'forged' };
  }
  await ports.audit.record({
    schoolId,
    actorId: actor.userId,
    actorRoles: [...actor.roles],
    action: 'signal.view',
    correlationId,
    outcome: 'ok',
    signalId,
    pupilId: current.doc.pupilId,
  });
  return { ok: true, signal: current.doc };
}
