import type { SchoolAgenda } from '../../app/meeting/meeting-agenda';
import { renderPdf } from '../core/pdf-document';
import { formatDate } from '../core/texts';
import { agendaParts } from './agenda-view';
import { MT } from './meeting-texts';

/** The bespreeklijst as a PDF for the overleg: every section in full, Dutch headings, dates as people write them. */
export function agendaPdf(a: Omit<SchoolAgenda, 'download'>): Promise<Buffer> {
  return renderPdf(MT.pdfTitle(a.school.name), (w) => {
    w.title(MT.pdfTitle(a.school.name));
    w.subtitle(MT.pdfMade(formatDate(a.agenda.generatedAt)));
    w.paragraph(MT.pdfIntro(formatDate(a.agenda.since)));
    for (const part of agendaParts(a)) {
      w.heading(`${part.title} (${part.rows.length})`);
      if (part.rows.length === 0) w.note(MT.none);
      for (const r of part.rows) w.bullet(r.reference ? `${r.reference} · ${r.name}` : r.name, r.detail);
    }
  });
}
