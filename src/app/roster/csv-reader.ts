import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

/**
 * Streams a CSV file as exported by a pupil administration (Magister, SOMtoday, Excel):
 * UTF-8 with or without BOM or, when it is not UTF-8, Windows-1252 (Excel's plain "CSV");
 * `;`, `,` or tab delimited (detected from the header line); CRLF, LF or CR line ends;
 * quoted fields with embedded delimiters, quotes and line breaks. Records come out one by one
 * with the line number they start on, so a file of any size never has to be held as parsed rows.
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
  constructor(
    readonly reason: string,
    readonly line?: number,
  ) {
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

/** How a file's bytes were read: UTF-8, or Windows-1252 (what Excel's plain "CSV" writes on Dutch Windows). */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** Filled in while a file is read: the encoding, once the first non-ASCII byte has decided it. */
export interface CsvReadInfo {
  encoding?: CsvEncoding;
}

const NEITHER =
  'het bestand is geen UTF-8 en ook geen Windows-1252 (ANSI); sla het op als "CSV UTF-8 (door komma\'s gescheiden)"';

/** Bytes Windows-1252 leaves undefined, and C0 controls other than tab, LF and CR: not in a text file. */
const notCp1252Text = (b: number): boolean =>
  b === 0x81 ||
  b === 0x8d ||
  b === 0x8f ||
  b === 0x90 ||
  b === 0x9d ||
  (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);

/**
 * Windows-1252's characters for 0x80–0x9F (its undefined bytes as U+FFFD, never reached: they
 * are refused first); 0xA0–0xFF are Latin-1's. Decoded by hand: Node 20's
 * `TextDecoder('windows-1252')` reads these bytes as Latin-1 controls (0x80 as U+0080, not €).
 */
const CP1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

function cp1252Text(bytes: Uint8Array): string {
  let out = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Whether the UTF-8 sequence at `i` is well-formed (`incomplete`: the bytes end inside it). */
function utf8SequenceAt(bytes: Uint8Array, i: number): 'valid' | 'invalid' | 'incomplete' {
  const b = bytes[i];
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (len === 0) return 'invalid';
  // the second byte's range excludes overlong forms, surrogates and code points above U+10FFFF
  const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k < len; k++) {
    if (i + k >= bytes.length) return 'incomplete';
    const c = bytes[i + k];
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 'invalid';
  }
  return 'valid';
}

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/**
 * Bytes to text. Up to the first non-ASCII byte a file reads the same in both encodings; that
 * byte decides: the start of a well-formed UTF-8 sequence makes it UTF-8 (a BOM is one), anything
 * else Windows-1252, provided it decodes cleanly (no undefined bytes, no control characters other
 * than tab and line ends). A file that then breaks its encoding is refused rather than garbled.
 */
async function* decoded(source: CsvSource, info: CsvReadInfo): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let pending = new Uint8Array(0);
  let controlSeen = false;
  const asCp1252 = (bytes: Uint8Array): string => {
    if (controlSeen || bytes.some(notCp1252Text)) throw new CsvFileError(NEITHER);
    return cp1252Text(bytes);
  };
  const asUtf8 = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return utf8.decode(bytes, { stream });
    } catch {
      throw new CsvFileError(stream ? NEITHER : 'het bestand is geen UTF-8 (het eindigt midden in een teken)');
    }
  };
  /** Text of `chunk` (after what was pending); `end`: no bytes follow. */
  const take = (chunk: Uint8Array, end: boolean): string => {
    if (info.encoding === 'utf-8') return asUtf8(chunk, !end);
    if (info.encoding === 'windows-1252') return asCp1252(chunk);
    const bytes = pending.length ? concat(pending, chunk) : chunk;
    pending = new Uint8Array(0);
    const i = bytes.findIndex((b) => b >= 0x80);
    const ascii = bytes.subarray(0, i < 0 ? bytes.length : i);
    controlSeen ||= ascii.some(notCp1252Text);
    const head = cp1252Text(ascii);
    if (i < 0) return head;
    const sequence = utf8SequenceAt(bytes, i);
    if (sequence === 'incomplete' && !end) {
      pending = bytes.slice(i);
      return head;
    }
    info.encoding = sequence === 'valid' ? 'utf-8' : 'windows-1252';
    return head + take(bytes.subarray(i), end);
  };
  let bytesSeen = false;
  for await (const chunk of chunksOf(source)) {
    if (typeof chunk === 'string') {
      info.encoding ??= 'utf-8';
      yield chunk;
      continue;
    }
    bytesSeen = true;
    const text = take(chunk, false);
    if (text) yield text;
  }
  if (bytesSeen) {
    const rest = take(new Uint8Array(0), true);
    if (rest) yield rest;
  }
  info.encoding ??= 'utf-8';
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
 * Yields every non-blank record, the header first. Throws `CsvFileError` when the file is
 * neither UTF-8 nor clean Windows-1252, or not valid CSV; records yielded before that have
 * already been seen by the caller. `info.encoding` says how the file was read.
 */
export async function* readCsvRecords(source: CsvSource, info: CsvReadInfo = {}): AsyncGenerator<CsvRecord> {
  const text = normalised(decoded(source, info));
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
