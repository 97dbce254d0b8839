import PDFParser from 'pdf2json';

/**
 * The text of a PDF as a reader's viewer extracts it (pdf2json, a pure-JS parser built on pdf.js),
 * pages joined, lines as the viewer breaks them. Proves the bytes are a PDF that opens, and what it says.
 */
export function pdfText(bytes: Buffer | Uint8Array): Promise<string> {
  // an own, unpooled copy: the parser reads the whole underlying ArrayBuffer
  const copy = Buffer.alloc(bytes.length);
  Buffer.from(bytes).copy(copy);
  return new Promise((resolve, reject) => {
    const parser = new PDFParser(null, true);
    parser.on('pdfParser_dataError', (e: { parserError: Error } | Error) =>
      reject(e instanceof Error ? e : e.parserError),
    );
    parser.on('pdfParser_dataReady', () =>
      resolve(
        parser
          .getRawTextContent()
          .replace(/-+Page \(\d+\) Break-+/g, '')
          .replace(/\r\n/g, '\n'),
      ),
    );
    parser.parseBuffer(copy);
  });
}

/** Words of the code that must never reach a reader (state, role and outcome codes, JSON). */
export const RAW_CODES = [
  'inProgress',
  'preventionWorker',
  'supportTeam',
  'careTeamMeeting',
  'noActionNeeded',
  'escalated',
  'aftercare',
  'signal:',
  'pupil:',
  '{',
  '}',
  'undefined',
  'null',
  'NaN',
];
