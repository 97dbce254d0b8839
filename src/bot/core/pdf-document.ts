import PDFDocument from 'pdfkit';
import { plainOf } from './literal-text';

/**
 * Documents people read (the inzage export, the bespreeklijst) as PDF, with pdfkit and its
 * standard Helvetica: no font files, no native build. Helvetica covers WinAnsi (é ë ï ü ç ß …);
 * a character outside it is written without its accent where it has one (ş → s, ł → l), else as
 * '?', so a name never breaks the document. User text is written literally: PDF has no markup.
 */

/** The characters of WinAnsiEncoding beyond Latin-1 (0x80–0x9F). */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const NO_DECOMPOSITION: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ø: 'ø',
  '→': '->',
  '←': '<-',
};
const isWinAnsi = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.includes(ch);
};

/** Text as Helvetica can write it: plain (no user-text marks), control characters gone, outside WinAnsi approximated. */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of plainOf(text).replace(/\r\n?/g, '\n')) {
    if (ch === '\n' || isWinAnsi(ch)) out += ch;
    else if (/\p{Cc}/u.test(ch)) continue;
    else if (NO_DECOMPOSITION[ch]) out += NO_DECOMPOSITION[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

export interface PdfWriter {
  /** the document's title, large, once at the top */
  title(text: string): void;
  /** a line under the title (school, date) */
  subtitle(text: string): void;
  heading(text: string): void;
  subheading(text: string): void;
  paragraph(text: string): void;
  /** a quoted block of user text (an observation) */
  quote(text: string): void;
  /** label: value lines */
  facts(rows: ReadonlyArray<readonly [string, string]>): void;
  bullet(text: string, detail?: string): void;
  /** small grey text */
  note(text: string): void;
}

const MARGIN = 56;
const COLOR = { text: '#1f1f1f', accent: '#8a3b12', subtle: '#5f5f5f' } as const;

/** Renders an A4 document and answers its bytes. `title` also goes into the PDF's metadata. */
export function renderPdf(title: string, draw: (w: PdfWriter) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: pdfText(title), Producer: 'Waakvlam', Creator: 'Waakvlam' },
    lang: 'nl-NL',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const write = (font: string, size: number, color: string, text: string, opts: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(pdfText(text), { width, ...opts });
  const keepWithNext = (lines: number) => {
    if (doc.y + lines * 16 > doc.page.height - MARGIN) doc.addPage();
  };
  const w: PdfWriter = {
    title: (t) => write('Helvetica-Bold', 20, COLOR.accent, t),
    subtitle: (t) => write('Helvetica', 10, COLOR.subtle, t),
    heading: (t) => {
      doc.moveDown(1);
      keepWithNext(4);
      write('Helvetica-Bold', 14, COLOR.accent, t);
      doc.moveDown(0.3);
    },
    subheading: (t) => {
      doc.moveDown(0.6);
      keepWithNext(3);
      write('Helvetica-Bold', 11.5, COLOR.text, t);
      doc.moveDown(0.2);
    },
    paragraph: (t) => write('Helvetica', 10.5, COLOR.text, t, { paragraphGap: 4 }),
    quote: (t) => {
      doc.x += 14;
      write('Helvetica-Oblique', 10.5, COLOR.text, t, { width: width - 14, paragraphGap: 4 });
      doc.x -= 14;
    },
    facts: (rows) => {
      for (const [label, value] of rows) {
        doc
          .font('Helvetica-Bold')
          .fontSize(10.5)
          .fillColor(COLOR.text)
          .text(`${pdfText(label)}: `, {
            width,
            continued: true,
          });
        doc.font('Helvetica').text(pdfText(value));
      }
    },
    bullet: (t, detail) => {
      keepWithNext(2);
      write('Helvetica', 10.5, COLOR.text, `•  ${t}`, { indent: 0 });
      if (detail) {
        doc.x += 12;
        write('Helvetica', 9.5, COLOR.subtle, detail, { width: width - 12 });
        doc.x -= 12;
      }
      doc.moveDown(0.25);
    },
    note: (t) => write('Helvetica', 9, COLOR.subtle, t),
  };
  draw(w);
  doc.end();
  return done;
}
