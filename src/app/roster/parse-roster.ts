import {
  CsvFileError,
  readCsvRecords,
  type CsvEncoding,
  type CsvReadInfo,
  type CsvRecord,
  type CsvSource,
} from './csv-reader';
import {
  PUPIL_COLUMNS,
  PUPIL_FIELD_LABELS,
  STAFF_COLUMNS,
  STAFF_FIELD_LABELS,
  detectKind,
  mapColumns,
  type ColumnMap,
  type PupilField,
  type RosterKind,
  type StaffField,
} from './roster-columns';
import { pupilRowSchema, reasonOf, staffRowSchema, upnUserId, type PupilRow, type StaffRow } from './roster-rows';

export type { CsvSource } from './csv-reader';
export type { RosterKind } from './roster-columns';
export type { PupilRow, StaffRow } from './roster-rows';

/**
 * Parses a pupils or staff CSV file into checked rows. A row that fails is rejected with its
 * line number and a Dutch reason; a file that cannot be used at all (neither UTF-8 nor
 * Windows-1252, broken quotes, a required column missing, no data) gets a file error. Nothing here touches the store.
 */

/** A problem for the person importing: Dutch, with the line when it concerns one row. */
export interface RosterIssue {
  kind?: RosterKind;
  fileName?: string;
  line?: number;
  reason: string;
}

interface ParsedBase {
  fileName?: string;
  /** How the file's bytes were read (UTF-8, or Windows-1252 when it was not UTF-8). */
  encoding?: CsvEncoding;
  /** Non-blank data rows read (valid or not). */
  dataRows: number;
  rejected: RosterIssue[];
  warnings: RosterIssue[];
  /** The file as a whole is unusable; its rows must not be imported. */
  fileErrors: RosterIssue[];
  /**
   * Who appears on a rejected row (`pupil:<NR>`, `user:<userId>`, `upn:<upn>`): such a person is
   * not absent from the file, so a rejected row never marks them as left.
   */
  rejectedKeys: Set<string>;
  /** Rejected rows whose pupil number / UPN / Entra id could not be read. */
  unkeyedRejects: number;
}

export interface ParsedPupils extends ParsedBase {
  kind: 'pupils';
  rows: PupilRow[];
  /** The file has a mentor column; without one, a re-import keeps the mentors already stored. */
  hasMentorColumn: boolean;
}

export interface ParsedStaff extends ParsedBase {
  kind: 'staff';
  rows: StaffRow[];
}

export type ParsedRosterFile = ParsedPupils | ParsedStaff;

export interface UnrecognisedFile {
  kind: 'unknown';
  fileName?: string;
  /** `header`: not a roster file (or not the kind expected); `unreadable`: neither UTF-8 nor Windows-1252, or not CSV; `empty`: no header. */
  cause: 'header' | 'unreadable' | 'empty';
  fileErrors: RosterIssue[];
}

export interface ParseProgress {
  kind: RosterKind;
  fileName?: string;
  rows: number;
  done: boolean;
}

export interface ParseOptions {
  /** The kind the caller expects; without it the kind is recognised by the header. */
  kind?: RosterKind;
  fileName?: string;
  onProgress?: (p: ParseProgress) => void;
  /** Report progress every this many rows (default 500). */
  progressEvery?: number;
  /** Refuse larger files (default 20,000 data rows). */
  maxRows?: number;
}

export const DEFAULT_MAX_ROWS = 20_000;
export const KIND_LABEL: Record<RosterKind, string> = { pupils: 'leerlingenbestand', staff: 'personeelsbestand' };

const pupilKey = (n: string) => `pupil:${n.toUpperCase()}`;
const userKey = (id: string) => `user:${id}`;
const upnKey = (upn: string) => `upn:${upn}`;

function fieldsOf<F extends string>(record: CsvRecord, columns: ColumnMap<F>, all: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const f of all) {
    const c = columns[f];
    out[f] = c ? (record.fields[c.index] ?? '') : '';
  }
  return out;
}

function labelsFor<F extends string>(columns: ColumnMap<F>, defaults: Record<F, string>): Record<F, string> {
  const out = { ...defaults };
  for (const f of Object.keys(defaults) as F[]) if (columns[f]) out[f] = columns[f].header.toLowerCase();
  return out;
}

/** More values than headers: a delimiter inside an unquoted field shifted the row. Empty trailing values are fine. */
function tooManyFields(record: CsvRecord, headerCount: number): string | undefined {
  if (record.fields.length <= headerCount || record.fields.slice(headerCount).every((f) => f === '')) return undefined;
  return `${record.fields.length} velden, verwacht ${headerCount}: staat er een scheidingsteken in een veld zonder aanhalingstekens?`;
}

/** Marks every row whose key occurs on more than one line as rejected (all of them: which one is right is unknown). */
function rejectDuplicates<R extends { line: number }>(
  rows: R[],
  rejectedByLine: Map<number, string[]>,
  keyLines: Map<string, number[]>,
  describe: (key: string, lines: number[]) => string,
  onDropped: (row: R) => void = () => undefined,
): R[] {
  const dupLines = new Map<number, string>();
  for (const [key, lines] of keyLines) {
    if (lines.length < 2) continue;
    for (const line of lines) if (!dupLines.has(line)) dupLines.set(line, describe(key, lines));
  }
  for (const [line, reason] of dupLines) rejectedByLine.set(line, [...(rejectedByLine.get(line) ?? []), reason]);
  return rows.filter((r) => {
    if (!dupLines.has(r.line)) return true;
    onDropped(r);
    return false;
  });
}

const addKeyLine = (map: Map<string, number[]>, key: string, line: number) => {
  const lines = map.get(key);
  if (lines) lines.push(line);
  else map.set(key, [line]);
};

/** Parses one roster file. Never throws for bad content: problems come back as issues. */
export async function parseRosterCsv(
  source: CsvSource,
  opts: ParseOptions = {},
): Promise<ParsedRosterFile | UnrecognisedFile> {
  const { fileName } = opts;
  const every = opts.progressEvery ?? 500;
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const fileError = (reason: string, line?: number, kind?: RosterKind): RosterIssue => ({
    kind,
    fileName,
    line,
    reason,
  });

  const read: CsvReadInfo = {};
  const records = readCsvRecords(source, read);
  let kind: RosterKind | undefined;
  let state: ReturnType<typeof startPupils> | ReturnType<typeof startStaff> | undefined;
  try {
    for await (const record of records) {
      if (!state) {
        kind = detectKind(record.fields);
        if (!kind)
          return {
            kind: 'unknown',
            fileName,
            cause: 'header',
            fileErrors: [
              fileError(
                'kopregel niet herkend: geen leerlingnummer-, rollen-, upn- of entra_id-kolom gevonden',
                record.line,
              ),
            ],
          };
        if (opts.kind && kind !== opts.kind) {
          return {
            kind: 'unknown',
            fileName,
            cause: 'header',
            fileErrors: [
              fileError(
                `dit is een ${KIND_LABEL[kind]}, verwacht werd een ${KIND_LABEL[opts.kind]}`,
                record.line,
                opts.kind,
              ),
            ],
          };
        }
        state = kind === 'pupils' ? startPupils(record.fields, fileName) : startStaff(record.fields, fileName);
        if (state.result.fileErrors.length > 0) return state.result;
        continue;
      }
      const result = state.result;
      if (result.dataRows >= maxRows) {
        result.encoding = read.encoding;
        result.fileErrors.push(
          fileError(
            `meer dan ${maxRows} regels; splits het bestand of neem contact op met de beheerder`,
            record.line,
            kind,
          ),
        );
        return result;
      }
      result.dataRows += 1;
      state.row(record);
      if (every > 0 && result.dataRows % every === 0)
        opts.onProgress?.({ kind: kind!, fileName, rows: result.dataRows, done: false });
    }
  } catch (err) {
    if (!(err instanceof CsvFileError)) throw err;
    const issue = fileError(err.reason, err.line, kind);
    if (!state) return { kind: 'unknown', fileName, cause: 'unreadable', fileErrors: [issue] };
    state.result.encoding = read.encoding;
    state.result.fileErrors.push(issue);
    return state.result;
  }
  if (!state) return { kind: 'unknown', fileName, cause: 'empty', fileErrors: [fileError('het bestand is leeg')] };
  state.finish();
  const result = state.result;
  result.encoding = read.encoding;
  if (result.dataRows === 0)
    result.fileErrors.push(
      fileError(`het ${KIND_LABEL[result.kind]} bevat alleen een kopregel en geen gegevens`, 1, result.kind),
    );
  opts.onProgress?.({ kind: result.kind, fileName, rows: result.dataRows, done: true });
  return result;
}

function startPupils(headers: string[], fileName?: string) {
  const columns = mapColumns(headers, PUPIL_COLUMNS);
  const fields = Object.keys(PUPIL_COLUMNS) as PupilField[];
  const labels = labelsFor(columns, PUPIL_FIELD_LABELS);
  const result: ParsedPupils = {
    kind: 'pupils',
    fileName,
    rows: [],
    dataRows: 0,
    rejected: [],
    warnings: [],
    fileErrors: [],
    rejectedKeys: new Set(),
    unkeyedRejects: 0,
    hasMentorColumn: columns.mentorUpn !== undefined,
  };
  for (const f of ['pupilNumber', 'firstName', 'lastName', 'className'] as const) {
    if (!columns[f])
      result.fileErrors.push({
        kind: 'pupils',
        fileName,
        line: 1,
        reason: `kolom ${PUPIL_FIELD_LABELS[f]} ontbreekt (herkende namen: ${PUPIL_COLUMNS[f].join(', ')})`,
      });
  }
  const schema = pupilRowSchema(labels, columns.lastNamePrefix === undefined);
  const rejectedByLine = new Map<number, string[]>();
  const keyLines = new Map<string, number[]>();
  return {
    result,
    row(record: CsvRecord) {
      const raw = fieldsOf(record, columns, fields);
      const number = raw.pupilNumber.trim();
      if (number) addKeyLine(keyLines, number.toUpperCase(), record.line);
      const shifted = tooManyFields(record, headers.length);
      const parsed = schema.safeParse({ line: record.line, ...raw });
      if (shifted || !parsed.success) {
        rejectedByLine.set(record.line, [
          ...(shifted ? [shifted] : []),
          ...(parsed.success ? [] : [reasonOf(parsed.error)]),
        ]);
        if (number) result.rejectedKeys.add(pupilKey(number));
        else result.unkeyedRejects += 1;
        return;
      }
      result.rows.push(parsed.data);
    },
    finish() {
      result.rows = rejectDuplicates(
        result.rows,
        rejectedByLine,
        keyLines,
        (key, lines) => `${labels.pupilNumber} '${key}' komt meer dan eens voor (regels ${lines.join(', ')})`,
        (row) => result.rejectedKeys.add(pupilKey(row.pupilNumber)),
      );
      result.rejected = [...rejectedByLine]
        .sort((a, b) => a[0] - b[0])
        .map(([line, reasons]) => ({ kind: 'pupils', fileName, line, reason: reasons.join('; ') }));
    },
  };
}

function startStaff(headers: string[], fileName?: string) {
  const columns = mapColumns(headers, STAFF_COLUMNS);
  const fields = Object.keys(STAFF_COLUMNS) as StaffField[];
  const labels = labelsFor(columns, STAFF_FIELD_LABELS);
  const result: ParsedStaff = {
    kind: 'staff',
    fileName,
    rows: [],
    dataRows: 0,
    rejected: [],
    warnings: [],
    fileErrors: [],
    rejectedKeys: new Set(),
    unkeyedRejects: 0,
  };
  const missing = (reason: string) => result.fileErrors.push({ kind: 'staff', fileName, line: 1, reason });
  if (!columns.displayName && !(columns.firstName && columns.lastName))
    missing(
      `kolom naam ontbreekt (of voornaam en achternaam; herkende namen: ${STAFF_COLUMNS.displayName.join(', ')})`,
    );
  if (!columns.roles) missing(`kolom rollen ontbreekt (herkende namen: ${STAFF_COLUMNS.roles.join(', ')})`);
  if (!columns.upn && !columns.entraId)
    missing(
      `kolom upn of entra_id ontbreekt (herkende namen: ${[...STAFF_COLUMNS.upn, ...STAFF_COLUMNS.entraId].join(', ')})`,
    );
  const schema = staffRowSchema(labels);
  const rejectedByLine = new Map<number, string[]>();
  const idLines = new Map<string, number[]>();
  const upnLines = new Map<string, number[]>();
  return {
    result,
    row(record: CsvRecord) {
      const raw = fieldsOf(record, columns, fields);
      const upn = raw.upn.trim().toLowerCase();
      const entraId = raw.entraId
        .trim()
        .replace(/^\{(.*)\}$/, '$1')
        .toLowerCase();
      const shifted = tooManyFields(record, headers.length);
      const parsed = schema.safeParse({ line: record.line, ...raw });
      if (shifted || !parsed.success) {
        rejectedByLine.set(record.line, [
          ...(shifted ? [shifted] : []),
          ...(parsed.success ? [] : [reasonOf(parsed.error)]),
        ]);
        if (upn) result.rejectedKeys.add(upnKey(upn)).add(userKey(upnUserId(upn)));
        if (entraId) result.rejectedKeys.add(userKey(entraId));
        if (!upn && !entraId) result.unkeyedRejects += 1;
        return;
      }
      result.rows.push(parsed.data);
      addKeyLine(idLines, parsed.data.userId, record.line);
      if (parsed.data.upn) addKeyLine(upnLines, parsed.data.upn, record.line);
    },
    finish() {
      const dropped = (row: StaffRow) => {
        result.rejectedKeys.add(userKey(row.userId));
        if (row.upn) result.rejectedKeys.add(upnKey(row.upn));
      };
      let rows = rejectDuplicates(
        result.rows,
        rejectedByLine,
        idLines,
        (key, lines) =>
          (key.startsWith('upn:') ? `${labels.upn} '${key.slice(4)}'` : `${labels.entraId} '${key}'`) +
          ` komt meer dan eens voor (regels ${lines.join(', ')})`,
        dropped,
      );
      rows = rejectDuplicates(
        rows,
        rejectedByLine,
        upnLines,
        (key, lines) => `${labels.upn} '${key}' komt meer dan eens voor (regels ${lines.join(', ')})`,
        dropped,
      );
      result.rows = rows;
      result.rejected = [...rejectedByLine]
        .sort((a, b) => a[0] - b[0])
        .map(([line, reasons]) => ({ kind: 'staff', fileName, line, reason: [...new Set(reasons)].join('; ') }));
    },
  };
}

/** A pupils file; any other file comes back unrecognised. */
export const parsePupilsCsv = (
  source: CsvSource,
  opts: Omit<ParseOptions, 'kind'> = {},
): Promise<ParsedPupils | UnrecognisedFile> =>
  parseRosterCsv(source, { ...opts, kind: 'pupils' }) as Promise<ParsedPupils | UnrecognisedFile>;

/** A staff file; any other file comes back unrecognised. */
export const parseStaffCsv = (
  source: CsvSource,
  opts: Omit<ParseOptions, 'kind'> = {},
): Promise<ParsedStaff | UnrecognisedFile> =>
  parseRosterCsv(source, { ...opts, kind: 'staff' }) as Promise<ParsedStaff | UnrecognisedFile>;
