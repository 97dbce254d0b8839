import { mentorFollowing } from '../../domain/mentor-follow';
import type { Signal } from '../../domain/signal';
import type { AppPorts, StaffRecord } from '../core/ports';

/** The pupil's mentor who hears of a status change of this signal (issue 16), or undefined. */
export async function mentorFollowingSignal(
  ports: AppPorts,
  signal: Signal,
  staff: StaffRecord[],
): Promise<string | undefined> {
  const [school, pupil] = await Promise.all([
    ports.directory.schoolSettings(signal.schoolId),
    ports.directory.getPupil(signal.schoolId, signal.pupilId),
  ]);
  return mentorFollowing(signal, pupil, staff, school?.mentorFollowsSignals !== false);
}
