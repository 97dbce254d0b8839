import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

/**
 * Streams a CSV file as exported by a pupil administration (Magister, SOMtoday, Excel):
 * UTF-8 with or without BOM, `;`, `,` or tab delimited (detected from the header line),
 * CRLF, LF or CR line ends, quoted fields with embedded delimiters, quotes and line breaks.
 * Records come out one by one with the line number they start on, so a file of any size
 * never has to be held as parsed rows.
 */

/** A file as text, as bytes, or as a stream of chunks (e.g. `fs.createReadStream`). */
export type CsvSource = string | Uint8Array | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  /** Fields, trimmed. */
  fields: string[];
}

/** The file cannot be read as CSV at all; `reason` is Dutch, for the person importing. */
export class CsvFileError extends Error {
  constructor(readonly reason: string, readonly line?: number) {
    super(line === undefined ? reason : `regel ${line}: ${reason}`);
  }
}

/** Longest record we accept (an unclosed quote would otherwise swallow the rest of the file). */
const MAX_RECORD_CHARS = 64 * 1024;

async function* chunksOf(source: CsvSource): AsyncGenerator<string | Uint8Array> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  for await (const chunk of source as AsyncIterable<string | Uint8Array>) yield chunk;
}

/** Bytes to text, strictly UTF-8: a file saved as ANSI/Latin-1 is refused instead of garbling names. */
async function* decoded(source: CsvSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = false;
  for await (const chunk of chunksOf(source)) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    bytes = true;
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new CsvFileError('het bestand is geen UTF-8; sla het op als "CSV UTF-8 (door komma\'s gescheiden)"');
    }
  }
  if (bytes) {
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      throw new CsvFileError('het bestand is geen UTF-8 (het eindigt midden in een teken)');
    }
  }
}

/** Strips a BOM and turns CRLF and lone CR into LF, also when a CRLF is split across chunks. */
async function* normalised(text: AsyncIterable<string>): AsyncGenerator<string> {
  let atStart = true;
  let pendingCr = false;
  for await (let s of text) {
    if (atStart && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      atStart = false;
    }
    if (pendingCr) {
      s = '\r' + s;
      pendingCr = false;
    }
    if (s.endsWith('\r')) {
      pendingCr = true;
      s = s.slice(0, -1);
    }
    s = s.replace(/\r\n?/g, '\n');
    if (s) yield s;
  }
  if (pendingCr) yield '\n';
}

/** The delimiter used in a header line: the most frequent of `;`, `,` and tab outside quotes; `;` on a tie. */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ';');
  return counts[best] > 0 ? best : ';';
}

function csvErrorReason(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'een aanhalingsteken (") wordt niet afgesloten';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'na een afsluitend aanhalingsteken (") volgt geen scheidingsteken';
    case 'CSV_MAX_RECORD_SIZE':
      return 'regel is te lang (vergeten aanhalingsteken?)';
    default:
      return `het bestand is geen geldige CSV (${err.code})`;
  }
}

/**
 * Yields every non-blank record, the header first. Throws `CsvFileError` when the file is not
 * UTF-8 or not valid CSV; records yielded before that have already been seen by the caller.
 */
export async function* readCsvRecords(source: CsvSource): AsyncGenerator<CsvRecord> {
  const text = normalised(decoded(source));
  // Buffer up to the end of the header line to pick the delimiter.
  let head = '';
  let next = await text.next();
  while (!next.done) {
    head += next.value;
    if (head.includes('\n')) break;
    next = await text.next();
  }
  const delimiter = detectDelimiter(head.slice(0, head.includes('\n') ? head.indexOf('\n') : undefined));
  async function* all(): AsyncGenerator<string> {
    if (head) yield head;
    if (next.done) return;
    for (let r = await text.next(); !r.done; r = await text.next()) yield r.value;
  }

  const input = Readable.from(all(), { objectMode: false });
  // Last line of the last complete record, tracked as the parser goes (not as we consume).
  let lastEnd = 0;
  const parser = parse({
    delimiter,
    record_delimiter: '\n',
    quote: '"',
    escape: '"',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    max_record_size: MAX_RECORD_CHARS,
    on_record: (record: string[], context) => {
      lastEnd = context.lines;
      return record;
    },
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const fields = item.record.map((f) => f.trim());
      if (fields.every((f) => f === '')) continue;
      const innerBreaks = item.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      yield { line: item.info.lines - innerBreaks, fields };
    }
  } catch (err) {
    if (err instanceof CsvFileError) throw err;
    const e = err as CsvError;
    if (typeof e?.code === 'string' && e.code.startsWith('CSV_')) {
      // An unclosed quote is noticed only at the end of the file: point at the record it opens in.
      const opensEarlier = e.code === 'CSV_QUOTE_NOT_CLOSED' || e.code === 'CSV_MAX_RECORD_SIZE';
      throw new CsvFileError(csvErrorReason(e), opensEarlier ? lastEnd + 1 : (e as { lines?: number }).lines);
    }
    throw err;
  } finally {
    input.destroy();
    parser.destroy();
  }
}
