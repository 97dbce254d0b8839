import type { Role } from '../../domain/roles';
import type { CsvEncoding } from './csv-reader';
import type { ParsedPupils, ParsedStaff, RosterIssue } from './parse-roster';
import type { PupilRow } from './roster-rows';
import {
  ROSTER_BATCH_SIZE,
  rosterPupilId,
  rosterStaffId,
  type RosterDoc,
  type RosterPort,
  type RosterPupilDoc,
  type RosterStaffDoc,
  type RosterWrite,
  type StoredRosterDoc,
} from './roster-port';

/**
 * The roster import (SPEC S2): parsed pupils and/or staff files become the school's directory.
 *
 * - A file with rejected rows imports nothing, unless `allowPartial`; a file error always stops it.
 * - Existing documents are read once; only documents that change are written, staff first
 *   (mentors exist before their pupils), in batches of at most 100 within the school's partition.
 * - A re-import updates in place and never deletes. Pupils and staff missing from the new file
 *   get `leftAt`; someone who comes back loses it again. Someone on a rejected row is not missing.
 * - With only one file, the other kind is left alone (a pupils file resolves mentors against
 *   the staff already stored).
 */

export interface ImportRosterInput {
  schoolId: string;
  pupils?: ParsedPupils;
  staff?: ParsedStaff;
  /** Files that could not be read as a roster file at all: any of them stops the import. */
  unusable?: RosterIssue[];
  now: Date;
  /** Import the valid rows of a file with rejected rows. */
  allowPartial?: boolean;
  /** Work out and report everything, write nothing. */
  dryRun?: boolean;
  onProgress?: (p: WriteProgress) => void;
  /** Batches in flight at once (default 4). */
  batchConcurrency?: number;
}

export interface WriteProgress {
  written: number;
  total: number;
}

export interface KindSummary {
  fileName?: string;
  /** How the file was read: UTF-8, or Windows-1252 when it was not UTF-8. */
  encoding?: CsvEncoding;
  /** Non-blank data rows in the file. */
  rows: number;
  rejected: number;
  /** New documents. */
  created: number;
  /** Existing documents that changed (including people who came back). */
  updated: number;
  unchanged: number;
  markedLeft: number;
  /** Leavers were not marked because some rejected rows could not be tied to a person. */
  leaversSkipped: boolean;
}

export type ImportOutcome =
  /** written (possibly only the valid rows, with `allowPartial`) */
  | 'imported'
  /** nothing written on request; the counts say what would happen */
  | 'dry-run'
  /** rows rejected and no `allowPartial`: nothing written; the counts say what would happen without them */
  | 'rejected'
  /** a file could not be used: nothing written */
  | 'failed'
  /** someone else changed the roster while this import wrote; part may be written: run it again */
  | 'conflict';

export interface RosterImportReport {
  schoolId: string;
  outcome: ImportOutcome;
  /** Documents written. */
  written: number;
  pupils?: KindSummary;
  staff?: KindSummary;
  rejected: RosterIssue[];
  warnings: RosterIssue[];
  fileErrors: RosterIssue[];
}

type Plan = { writes: RosterWrite[]; summary: KindSummary };

const emptySummary = (file: ParsedPupils | ParsedStaff): KindSummary => ({
  fileName: file.fileName,
  encoding: file.encoding,
  rows: file.dataRows,
  rejected: file.rejected.length,
  created: 0,
  updated: 0,
  unchanged: 0,
  markedLeft: 0,
  leaversSkipped: false,
});

/** Drops undefined properties, so documents compare and serialise the same however they were built. */
function compact<T extends object>(doc: T): T {
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined)) as T;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function sameStaff(a: RosterStaffDoc, b: RosterStaffDoc): boolean {
  return (
    a.userId === b.userId &&
    a.upn === b.upn &&
    a.displayName === b.displayName &&
    sameSet(a.roles, b.roles) &&
    sameSet(a.classIds, b.classIds) &&
    a.leftAt === b.leftAt
  );
}

function samePupil(a: RosterPupilDoc, b: RosterPupilDoc): boolean {
  return (
    a.pupilNumber === b.pupilNumber &&
    a.firstName === b.firstName &&
    (a.lastNamePrefix ?? '') === (b.lastNamePrefix ?? '') &&
    a.lastName === b.lastName &&
    a.classId === b.classId &&
    a.className === b.className &&
    a.mentorId === b.mentorId &&
    a.leftAt === b.leftAt
  );
}

/** Records one desired document against what is stored: counts it and queues a write if it changed. */
function settle<T extends RosterDoc>(
  plan: Plan,
  stored: StoredRosterDoc<T> | undefined,
  desired: T,
  same: (a: T, b: T) => boolean,
): void {
  if (!stored) {
    plan.summary.created += 1;
    plan.writes.push({ op: 'create', doc: desired });
  } else if (same(stored.doc, desired)) {
    plan.summary.unchanged += 1;
  } else {
    plan.summary.updated += 1;
    plan.writes.push({ op: 'replace', doc: desired, etag: stored.etag });
  }
}

function leaversSkippedWarning(file: ParsedPupils | ParsedStaff): RosterIssue {
  const who = file.kind === 'pupils' ? 'leerlingen' : 'medewerkers';
  const key = file.kind === 'pupils' ? 'leerlingnummer' : 'upn of entra_id';
  return {
    kind: file.kind,
    fileName: file.fileName,
    reason: `vertrokken ${who} zijn niet gemarkeerd: ${file.unkeyedRejects} afgekeurde regel(s) zonder ${key}, dus niet te zeggen wie ontbreekt`,
  };
}

function planStaff(
  schoolId: string,
  file: ParsedStaff,
  stored: StoredRosterDoc<RosterStaffDoc>[],
  now: string,
  rejected: RosterIssue[],
  warnings: RosterIssue[],
): Plan & { desired: RosterStaffDoc[] } {
  const plan: Plan & { desired: RosterStaffDoc[] } = { writes: [], summary: emptySummary(file), desired: [] };
  const byId = new Map(stored.map((s) => [s.doc.id, s]));
  const byUpn = new Map<string, StoredRosterDoc<RosterStaffDoc>[]>();
  for (const s of stored) if (s.doc.upn) byUpn.set(s.doc.upn, [...(byUpn.get(s.doc.upn) ?? []), s]);
  const planned = new Map<string, number>();

  for (const row of file.rows) {
    // A row without an Entra id keeps the id of the person already stored under that UPN,
    // so a file that lacks the entra_id column does not turn everyone into a new person.
    let userId = row.userId;
    if (!row.entraId && row.upn) {
      const matches = byUpn.get(row.upn) ?? [];
      const current = matches.filter((m) => !m.doc.leftAt);
      const match = current.length === 1 ? current[0] : matches.length === 1 ? matches[0] : undefined;
      if (match) userId = match.doc.userId;
    }
    const id = rosterStaffId(userId);
    if (planned.has(id)) {
      rejected.push({
        kind: 'staff',
        fileName: file.fileName,
        line: row.line,
        reason: `dezelfde medewerker als op regel ${planned.get(id)}`,
      });
      plan.summary.rejected += 1;
      continue;
    }
    planned.set(id, row.line);
    const existing = byId.get(id);
    const desired = compact<RosterStaffDoc>({
      ...existing?.doc,
      id,
      type: 'staff',
      schoolId,
      userId,
      upn: row.upn ?? existing?.doc.upn,
      displayName: row.displayName,
      roles: row.roles,
      classIds: row.classIds,
      leftAt: undefined,
    });
    plan.desired.push(desired);
    settle(plan, existing, desired, sameStaff);
  }

  if (file.unkeyedRejects > 0) {
    plan.summary.leaversSkipped = true;
    warnings.push(leaversSkippedWarning(file));
  } else {
    for (const s of stored) {
      const onRejectedRow =
        file.rejectedKeys.has(`user:${s.doc.userId}`) ||
        (s.doc.upn !== undefined && file.rejectedKeys.has(`upn:${s.doc.upn}`));
      if (s.doc.leftAt || planned.has(s.doc.id) || onRejectedRow) continue;
      plan.summary.markedLeft += 1;
      plan.writes.push({ op: 'replace', doc: { ...s.doc, leftAt: now }, etag: s.etag });
    }
  }
  return plan;
}

interface Mentor {
  userId: string;
  roles: Role[];
}

function planPupils(
  schoolId: string,
  file: ParsedPupils,
  stored: StoredRosterDoc<RosterPupilDoc>[],
  mentors: Map<string, Mentor>,
  mentorSource: string,
  now: string,
  warnings: RosterIssue[],
): Plan {
  const plan: Plan = { writes: [], summary: emptySummary(file) };
  const byId = new Map(stored.map((p) => [p.doc.id, p]));
  const planned = new Set<string>();
  const warn = (row: PupilRow, reason: string) =>
    warnings.push({ kind: 'pupils', fileName: file.fileName, line: row.line, reason });

  for (const row of file.rows) {
    const id = rosterPupilId(row.pupilNumber);
    planned.add(id);
    const existing = byId.get(id);
    let mentorId: string | undefined;
    if (!file.hasMentorColumn) {
      mentorId = existing?.doc.mentorId; // the file says nothing about mentors: keep what is stored
    } else if (row.mentorUpn) {
      const mentor = mentors.get(row.mentorUpn);
      if (!mentor)
        warn(row, `mentor ${row.mentorUpn} staat niet in ${mentorSource}; leerling geïmporteerd zonder mentor`);
      else {
        mentorId = mentor.userId;
        if (!mentor.roles.includes('mentor'))
          warn(row, `mentor ${row.mentorUpn} heeft in ${mentorSource} geen rol mentor`);
      }
    }
    const desired = compact<RosterPupilDoc>({
      ...existing?.doc,
      id,
      type: 'pupil',
      schoolId,
      pupilNumber: row.pupilNumber,
      firstName: row.firstName,
      lastNamePrefix: row.lastNamePrefix,
      lastName: row.lastName,
      classId: row.classId,
      className: row.className,
      mentorId,
      leftAt: undefined,
      updatedAt: now,
    });
    settle(plan, existing, desired, samePupil);
  }

  if (file.unkeyedRejects > 0) {
    plan.summary.leaversSkipped = true;
    warnings.push(leaversSkippedWarning(file));
  } else {
    for (const p of stored) {
      if (p.doc.leftAt || planned.has(p.doc.id) || file.rejectedKeys.has(`pupil:${p.doc.pupilNumber.toUpperCase()}`))
        continue;
      plan.summary.markedLeft += 1;
      plan.writes.push({ op: 'replace', doc: { ...p.doc, leftAt: now, updatedAt: now }, etag: p.etag });
    }
  }
  return plan;
}

/** Writes in batches of ≤100, a few in flight; stops starting new ones after a conflict. */
async function writeAll(
  port: RosterPort,
  schoolId: string,
  writes: RosterWrite[],
  concurrency: number,
  onProgress?: (p: WriteProgress) => void,
): Promise<{ written: number; conflict: boolean }> {
  const batches: RosterWrite[][] = [];
  for (let i = 0; i < writes.length; i += ROSTER_BATCH_SIZE) batches.push(writes.slice(i, i + ROSTER_BATCH_SIZE));
  let next = 0;
  let written = 0;
  let conflict = false;
  const worker = async () => {
    while (!conflict && next < batches.length) {
      const batch = batches[next++];
      if ((await port.writeBatch(schoolId, batch)) === 'conflict') {
        conflict = true;
        return;
      }
      written += batch.length;
      onProgress?.({ written, total: writes.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, batches.length)) }, worker));
  return { written, conflict };
}

export async function importRoster(port: RosterPort, input: ImportRosterInput): Promise<RosterImportReport> {
  const { schoolId, pupils, staff } = input;
  const now = input.now.toISOString();
  const report: RosterImportReport = {
    schoolId,
    outcome: 'failed',
    written: 0,
    pupils: pupils && emptySummary(pupils),
    staff: staff && emptySummary(staff),
    rejected: [...(staff?.rejected ?? []), ...(pupils?.rejected ?? [])],
    warnings: [...(staff?.warnings ?? []), ...(pupils?.warnings ?? [])],
    fileErrors: [...(input.unusable ?? []), ...(staff?.fileErrors ?? []), ...(pupils?.fileErrors ?? [])],
  };
  if (!pupils && !staff && report.fileErrors.length === 0)
    report.fileErrors.push({ reason: 'geen leerlingen- of personeelsbestand opgegeven' });
  if (report.fileErrors.length > 0) return report;

  const [allStaff, allPupils] = await Promise.all([
    port.listStaff(schoolId),
    pupils ? port.listPupils(schoolId) : Promise.resolve([]),
  ]);
  // A store that ignores the partition key (the embedded server does) must not leak another school in.
  const storedStaff = allStaff.filter((s) => s.doc.schoolId === schoolId);
  const storedPupils = allPupils.filter((p) => p.doc.schoolId === schoolId);

  const writes: RosterWrite[] = [];
  let mentors: Map<string, Mentor>;
  let mentorSource: string;
  if (staff) {
    const plan = planStaff(schoolId, staff, storedStaff, now, report.rejected, report.warnings);
    report.staff = plan.summary;
    writes.push(...plan.writes);
    mentors = new Map(plan.desired.filter((s) => s.upn).map((s) => [s.upn!, { userId: s.userId, roles: s.roles }]));
    mentorSource = `het personeelsbestand${staff.fileName ? ` (${staff.fileName})` : ''}`;
  } else {
    mentors = new Map(
      storedStaff
        .filter((s) => s.doc.upn && !s.doc.leftAt)
        .map((s) => [s.doc.upn!, { userId: s.doc.userId, roles: s.doc.roles }]),
    );
    mentorSource = 'het opgeslagen personeel';
  }
  if (pupils) {
    const plan = planPupils(schoolId, pupils, storedPupils, mentors, mentorSource, now, report.warnings);
    report.pupils = plan.summary;
    writes.push(...plan.writes);
  }
  report.rejected.sort((a, b) => (a.kind === b.kind ? (a.line ?? 0) - (b.line ?? 0) : a.kind === 'staff' ? -1 : 1));

  if (report.rejected.length > 0 && !input.allowPartial) {
    report.outcome = 'rejected';
    return report;
  }
  if (input.dryRun) {
    report.outcome = 'dry-run';
    return report;
  }
  const { written, conflict } = await writeAll(port, schoolId, writes, input.batchConcurrency ?? 4, input.onProgress);
  report.written = written;
  report.outcome = conflict ? 'conflict' : 'imported';
  return report;
}
