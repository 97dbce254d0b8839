import { AGENDA_SECTIONS, type AgendaSection, type AgendaSignalItem } from '../../domain/meeting-agenda';
import type { SchoolAgenda } from '../../app/meeting/meeting-agenda';
import { literal } from '../core/literal-text';
import { pupilLabel } from '../core/pupil-label';
import { STATE_LABELS, formatDate, formatDateTime } from '../core/texts';
import { MT } from './meeting-texts';

/** One line of the bespreeklijst: who, and what to discuss (user text marked literal). */
export interface AgendaRow {
  signalId?: string;
  reference?: string;
  name: string;
  detail: string;
}
export interface AgendaPart {
  section: AgendaSection;
  title: string;
  rows: AgendaRow[];
}

/** At most this many items per section on the card (Teams' card size); the PDF has them all. */
export const MAX_CARD_ITEMS_PER_SECTION = 5;

function detailOf(section: AgendaSection, i: AgendaSignalItem, owner: string): string {
  const state = STATE_LABELS[i.state] ?? '';
  switch (section) {
    case 'newSince':
      return [state, MT.level(i.level, i.levelBy), MT.raisedOn(formatDate(i.createdAt))].join(' · ');
    case 'level3':
      return [state, MT.owner(owner), MT.age(i.ageSchoolDays)].join(' · ');
    case 'unclaimedOrOverdue':
      return i.overdue === 'escalationUnclaimed'
        ? [MT.overdueEscalation, MT.owner(owner)].join(' · ')
        : [
            i.overdue === 'unclaimed' ? MT.overdueUnclaimed(i.ageSchoolDays) : MT.unclaimed(i.ageSchoolDays),
            MT.level(i.level, i.levelBy),
          ].join(' · ');
    case 'escalatedOpen':
      return [i.escalationStatus === 'claimed' ? MT.escalationClaimed : MT.escalationOpen, MT.owner(owner)].join(' · ');
    case 'backFromOt':
      return [MT.returnedOn(formatDate(i.returnedAt ?? i.createdAt)), state, MT.owner(owner)].join(' · ');
    case 'watchDue':
      return [MT.checkIn(formatDate(i.checkInDate ?? i.createdAt)), MT.owner(owner)].join(' · ');
    default:
      return state;
  }
}

/** The agenda's sections in order, each with its rows (names resolved). */
export function agendaParts(a: Omit<SchoolAgenda, 'download'>): AgendaPart[] {
  const name = (pupilId: string) => {
    const p = a.pupils[pupilId];
    return p ? pupilLabel(p) : MT.unknownPupil;
  };
  const owner = (id?: string) => (id && a.staffNames[id] ? literal(a.staffNames[id]) : MT.nobody);
  return AGENDA_SECTIONS.map((section) => ({
    section,
    title: MT.sections[section],
    rows:
      section === 'scoredThreeWithoutSignal'
        ? a.agenda.sections.scoredThreeWithoutSignal.map((p) => ({
            name: name(p.pupilId),
            detail: MT.scoredThree(a.round?.roundNo),
          }))
        : a.agenda.sections[section].map((i) => ({
            signalId: i.signalId,
            reference: i.reference,
            name: name(i.pupilId),
            detail: detailOf(section, i, owner(i.ownerId)),
          })),
  }));
}

/** The card's data: each section capped at MAX_CARD_ITEMS_PER_SECTION with "en nog N", an Openen button per signal. */
export function agendaCardData(a: SchoolAgenda, downloadUrl: string | undefined): Record<string, unknown> {
  const now = a.agenda.generatedAt;
  return {
    title: MT.title(literal(a.school.name)),
    intro: MT.intro(formatDate(now), formatDate(a.agenda.since)),
    sections: agendaParts(a).map((p) => ({
      title: `${p.title} (${p.rows.length})`,
      hasNone: p.rows.length === 0,
      none: MT.none,
      items: p.rows.slice(0, MAX_CARD_ITEMS_PER_SECTION).map((r) => ({
        line: r.reference ? `**${r.reference}** · ${r.name}` : r.name,
        detail: r.detail,
        hasOpen: !!r.signalId,
        open: MT.open,
        signalId: r.signalId ?? '',
        schoolId: a.school.schoolId,
      })),
      hasMore: p.rows.length > MAX_CARD_ITEMS_PER_SECTION,
      more: MT.more(p.rows.length - MAX_CARD_ITEMS_PER_SECTION),
    })),
    hasDownload: !!downloadUrl && !!a.download,
    download: MT.download,
    url: downloadUrl ?? '',
    validUntil: a.download ? MT.validUntil(formatDateTime(a.download.expiresAt)) : '',
  };
}
