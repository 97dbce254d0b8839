import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { pupilAuditTrail } from '../../app/privacy/pupil-audit-trail';
import type { BotDeps } from '../core/bot-deps';
import { renderCard } from '../core/render-card';
import { AUDIT_OUTCOME_LABELS, PT, auditActionLabel } from './privacy-texts';
import { refusalText } from '../core/refusal-texts';
import { formatDateTime } from '../core/texts';
import { roleNamesAt, roleNamesFor } from '../core/role-names';
import { personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';
import { pupilLabel } from '../core/pupil-label';
import { privacyOf, pupilNumberArg, staffLabel } from './privacy-common';

/** /audit <leerlingnummer>: the pupil's audit trail for the coordinator of the pupil's school (S9). */
export async function auditCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const privacy = await privacyOf(deps, context);
  const number = privacy && (await pupilNumberArg(context, 'audit', args));
  if (!privacy || !number) return;
  const person = await personOf(deps, context);
  const trail = await pupilAuditTrail(deps.ports, privacy, person, number, correlationIdOf(context));
  if (!trail.ok) {
    await context.sendActivity(refusalText(trail.code, await roleNamesFor(deps, person)));
    return;
  }
  const staff = await deps.ports.directory.listStaff(trail.pupil.schoolId);
  const names = await roleNamesAt(deps, trail.pupil.schoolId);
  const rows = trail.entries.map((e) => ({
    what: auditActionLabel(e.action),
    outcome: AUDIT_OUTCOME_LABELS[e.outcome] ?? e.outcome,
    color: e.outcome === 'ok' ? 'Default' : 'Attention',
    when: `${formatDateTime(e.at)} ${e.at.slice(0, 4)}`,
    who: staffLabel(staff, e.actorId, e.actorRoles, names),
  }));
  const card = renderCard('audit-trail', {
    title: PT.auditTitle(pupilLabel(trail.pupil)),
    intro: rows.length ? PT.auditIntro(rows.length, trail.total) : PT.auditEmpty,
    rows,
  });
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
