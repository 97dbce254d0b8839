import type { ImportOutcome, KindSummary, RosterImportReport } from './import-roster';
import type { RosterIssue } from './parse-roster';

/** The import report as Dutch text for the person importing (command line, admin card). */

const nl = new Intl.NumberFormat('nl-NL');
const n = (x: number) => nl.format(x);

const KIND_TITLE = { pupils: 'Leerlingen', staff: 'Personeel' } as const;

export function issueLine(issue: RosterIssue): string {
  const where = [
    issue.fileName ?? (issue.kind ? KIND_TITLE[issue.kind].toLowerCase() : undefined),
    issue.line !== undefined ? `regel ${issue.line}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return where ? `${where}: ${issue.reason}` : issue.reason;
}

function summaryLine(kind: 'pupils' | 'staff', s: KindSummary, applied: boolean): string {
  const file = s.fileName ? ` (${s.fileName})` : '';
  const parts = [
    `${n(s.created)} nieuw`,
    `${n(s.updated)} bijgewerkt`,
    `${n(s.unchanged)} ongewijzigd`,
    `${n(s.markedLeft)} als vertrokken gemarkeerd`,
    `${n(s.rejected)} afgekeurd`,
  ];
  const verb = applied ? '' : 'zou worden: ';
  return `${KIND_TITLE[kind]}${file}: ${n(s.rows)} regels; ${verb}${parts.join(', ')}${s.leaversSkipped ? ' (vertrekkers niet bepaald)' : ''}`;
}

const ENCODING_NAME = { 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252 (ANSI, zoals Excel "CSV" opslaat)' } as const;

/** Which encoding each file was read in, so a Windows-1252 file is never read as such unnoticed. */
function encodingLine(report: RosterImportReport): string[] {
  const files = (['staff', 'pupils'] as const).flatMap((k) => {
    const s = report[k];
    return s?.encoding ? [`${s.fileName ?? KIND_TITLE[k].toLowerCase()} ${ENCODING_NAME[s.encoding]}`] : [];
  });
  return files.length ? [`Tekenset: ${files.join('; ')}`] : [];
}

const HEADLINE: Record<ImportOutcome, (r: RosterImportReport) => string> = {
  imported: (r) =>
    r.rejected.length > 0
      ? `Rooster geïmporteerd zonder de ${n(r.rejected.length)} afgekeurde regel(s).`
      : 'Rooster geïmporteerd.',
  'dry-run': () => 'Proefdraai: er is niets opgeslagen.',
  rejected: (r) => `Niets geïmporteerd: ${n(r.rejected.length)} regel(s) afgekeurd.`,
  failed: () => 'Niets geïmporteerd: een bestand is niet te gebruiken.',
  conflict: () =>
    'Import onderbroken: iemand anders wijzigde het rooster tegelijk. Een deel is opgeslagen; start de import opnieuw (wat al klopt, blijft ongewijzigd).',
};

export interface FormatOptions {
  /** How to import only the valid rows, in the words of the caller (e.g. the CLI flag). */
  partialHint?: string;
  /** List at most this many rejected rows and warnings each (default 500). */
  maxIssues?: number;
}

function listed(title: string, issues: RosterIssue[], max: number): string[] {
  if (issues.length === 0) return [];
  const lines = [`${title} (${n(issues.length)}):`, ...issues.slice(0, max).map((i) => `  ${issueLine(i)}`)];
  if (issues.length > max) lines.push(`  … en nog ${n(issues.length - max)}`);
  return lines;
}

export function formatRosterReport(report: RosterImportReport, opts: FormatOptions = {}): string {
  const max = opts.maxIssues ?? 500;
  const applied = report.outcome === 'imported' || report.outcome === 'conflict';
  const lines = [`Roosterimport voor school ${report.schoolId}`, HEADLINE[report.outcome](report)];
  if (report.outcome !== 'failed') {
    if (report.staff) lines.push(summaryLine('staff', report.staff, applied));
    if (report.pupils) lines.push(summaryLine('pupils', report.pupils, applied));
    lines.push(...encodingLine(report));
    if (applied) lines.push(`${n(report.written)} document(en) geschreven.`);
  }
  lines.push(...listed('Onbruikbaar bestand', report.fileErrors, max));
  lines.push(...listed('Afgekeurde regels', report.rejected, max));
  lines.push(...listed('Waarschuwingen', report.warnings, max));
  if (report.outcome === 'rejected') {
    lines.push(
      `Verbeter de afgekeurde regels en importeer opnieuw, of ${opts.partialHint ?? 'importeer alleen de goede regels'}.`,
    );
  }
  return lines.join('\n');
}
