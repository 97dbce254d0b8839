import { systemActor } from '../../domain/roles';
import { actOnSignal, type ActOutcome } from './act-on-signal';
import type { Person } from '../core/actors';
import type { AppPorts } from '../core/ports';

/** The bot itself, acting at one school (scheduled work). */
export function systemPerson(schoolId: string): Person {
  const actor = systemActor(schoolId);
  return { userId: actor.userId, displayName: actor.displayName, staff: [], actors: [actor] };
}

/**
 * S4: a signal nobody claimed in time is offered again to the prevention workers and the
 * coordinators are told. The lifecycle allows it once (reannouncedAt), so a second run is refused.
 */
export function reannounceUnclaimed(ports: AppPorts, schoolId: string, signalId: string): Promise<ActOutcome> {
  return actOnSignal(ports, systemPerson(schoolId), { schoolId, signalId, action: { type: 'reannounce' } });
}
