import type { AuditPort } from '../core/ports';
import type { StaffBindingPort, UnboundStaff } from './school-ports';

/**
 * Binding on first contact (issue 14): a staff member imported with only a UPN/e-mail is stored
 * under userId `upn:<upn>`. The first time they reach the bot, the bot edge looks the Teams member
 * up (their UPN and e-mail) and this use case re-keys their staff record(s) to their Entra object
 * id. From then on they are found by id, like staff whose id was in the roster.
 *
 * - Only records not yet bound count (userId `upn:…`), matched on the stored upn, which the
 *   roster import keeps lower-case; the member's UPN and e-mail are lower-cased the same way.
 * - Only schools of the activity's tenant count. One record per school binds, in every such
 *   school (a person who works at two schools of a board binds in both).
 * - Never guessed: two records in one school that match (the same UPN twice, or the UPN on one
 *   and the e-mail on another), or matches only in schools of another tenant, bind nothing; the
 *   refusal is audited in each school concerned.
 * - Roles are never taken from Teams: the record keeps the roles the roster gave it.
 */

/** Who the Bot Connector says the sender is. */
export interface MemberIdentity {
  aadObjectId: string;
  /** the activity's tenant */
  tenantId: string;
  /** userPrincipalName and e-mail as Teams gives them (either may be missing) */
  addresses: string[];
}

export type BindingOutcome =
  | { kind: 'bound'; schoolIds: string[] }
  | { kind: 'no-match' }
  | { kind: 'refused'; reason: 'duplicate' | 'foreign-tenant' }
  /** someone bound or changed the record at the same moment: look the person up again */
  | { kind: 'conflict' };

export interface BindStaffDeps {
  binding: StaffBindingPort;
  audit: AuditPort;
  tenantOf(schoolId: string): Promise<string | undefined>;
}

export const BINDING_AUDIT_ACTION = 'staff.binding';

/** A UPN or e-mail address as the roster import stores it: trimmed, lower-case. */
export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

export async function bindStaffOnFirstContact(
  deps: BindStaffDeps,
  who: MemberIdentity,
  correlationId?: string,
): Promise<BindingOutcome> {
  const addresses = [...new Set(who.addresses.map(normaliseAddress).filter((a) => a.includes('@')))];
  if (addresses.length === 0 || !who.aadObjectId) return { kind: 'no-match' };
  const found = (await deps.binding.findUnbound(addresses)).filter(
    (r) => !r.staff.leftAt && r.staff.userId.startsWith('upn:'),
  );
  if (found.length === 0) return { kind: 'no-match' };

  const bySchool = new Map<string, UnboundStaff[]>();
  for (const r of found) bySchool.set(r.staff.schoolId, [...(bySchool.get(r.staff.schoolId) ?? []), r]);
  const schoolIds = [...bySchool.keys()];
  const tenants = await Promise.all(schoolIds.map((id) => deps.tenantOf(id)));
  const own = schoolIds.filter((_id, i) => !!who.tenantId && tenants[i] === who.tenantId);

  const audit = (schoolId: string, outcome: 'ok' | 'refused' | 'failed', code: string, subject: string) =>
    deps.audit.record({
      schoolId,
      actorId: who.aadObjectId,
      actorRoles: [],
      action: BINDING_AUDIT_ACTION,
      outcome,
      code,
      subject,
      correlationId,
    });

  if (own.length === 0) {
    await Promise.all(
      schoolIds.flatMap((id) => bySchool.get(id)!.map((r) => audit(id, 'refused', 'foreign-tenant', r.staff.userId))),
    );
    return { kind: 'refused', reason: 'foreign-tenant' };
  }
  const ambiguous = own.filter((id) => bySchool.get(id)!.length > 1);
  if (ambiguous.length > 0) {
    await Promise.all(
      ambiguous.flatMap((id) => bySchool.get(id)!.map((r) => audit(id, 'refused', 'duplicate-upn', r.staff.userId))),
    );
    return { kind: 'refused', reason: 'duplicate' };
  }

  const bound: string[] = [];
  for (const schoolId of own) {
    const record = bySchool.get(schoolId)![0];
    const result = await deps.binding.bind(record, who.aadObjectId);
    await audit(
      schoolId,
      result === 'ok' ? 'ok' : 'failed',
      result === 'ok' ? 'bound' : 'conflict',
      record.staff.userId,
    );
    if (result === 'ok') bound.push(schoolId);
  }
  return bound.length > 0 ? { kind: 'bound', schoolIds: bound } : { kind: 'conflict' };
}
