import { CsvFileError, detectDelimiter, readCsvRecords, type CsvSource } from '../../src/app/roster/csv-reader';

async function records(source: CsvSource) {
  const out: { line: number; fields: string[] }[] = [];
  for await (const r of readCsvRecords(source)) out.push(r);
  return out;
}

async function failure(source: CsvSource): Promise<CsvFileError> {
  try {
    await records(source);
  } catch (err) {
    if (err instanceof CsvFileError) return err;
    throw err;
  }
  throw new Error('expected a CsvFileError');
}

describe('readCsvRecords', () => {
  it('detects a semicolon, a comma or a tab from the header line, and prefers ; on a tie', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c')).toBe(',');
    expect(detectDelimiter('naam')).toBe(';');
    expect(detectDelimiter('a;b,c')).toBe(';');
  });

  it('reads semicolon and comma files alike, trimming every field', async () => {
    expect(await records('a;b\n 1 ; 2 \n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(await records('a,b\n1,2')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('strips a BOM from text and from bytes', async () => {
    expect((await records('\ufeffnaam;upn\nA;a@x.nl'))[0].fields).toEqual(['naam', 'upn']);
    expect((await records(Buffer.from('\ufeffnaam;upn\nA;a@x.nl', 'utf8')))[0].fields).toEqual(['naam', 'upn']);
  });

  it('handles quoted delimiters, escaped quotes and line breaks inside quotes, numbering lines by where a record starts', async () => {
    const out = await records('a;b\r\n1;"x;y"\r\n2;"met ""quotes"""\r\n3;"twee\r\nregels"\r\n4;na\r\n');
    expect(out).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x;y'] },
      { line: 3, fields: ['2', 'met "quotes"'] },
      { line: 4, fields: ['3', 'twee\nregels'] },
      { line: 6, fields: ['4', 'na'] },
    ]);
  });

  it('accepts CRLF, LF and old Mac CR line ends, and skips blank lines without losing count', async () => {
    expect((await records('a;b\r1;2\r\r3;4')).map((r) => r.line)).toEqual([1, 2, 4]);
    expect((await records('a;b\n\n ; \n1;2\n')).map((r) => r.line)).toEqual([1, 4]);
  });

  it('streams chunks, also when a CRLF or a multi-byte character is split between them', async () => {
    const bytes = Buffer.from('\ufeffa;b\r\n1;Zoë\r\n2;Çelik\r\n', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1; // inside the ë
    const crlf = bytes.indexOf(0x0d) + 1; // between \r and \n
    const chunks = [bytes.subarray(0, crlf), bytes.subarray(crlf, cut), bytes.subarray(cut)];
    async function* stream() {
      for (const c of chunks) yield c;
    }
    expect(await records(stream())).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'Zoë'] },
      { line: 3, fields: ['2', 'Çelik'] },
    ]);
  });

  it('refuses a file that is not UTF-8 (an ANSI export) instead of garbling names', async () => {
    const latin1 = Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0x31, 0x3b, 0x5a, 0x6f, 0xeb, 0x0a]); // "Zoë" in Latin-1
    expect((await failure(latin1)).reason).toMatch(/geen UTF-8/);
  });

  it('points at the line where an unclosed quote opens', async () => {
    const err = await failure('a;b\n1;2\n3;"open\n4;5\n');
    expect(err.line).toBe(3);
    expect(err.reason).toMatch(/aanhalingsteken/);
  });

  it('yields nothing for an empty file', async () => {
    expect(await records('')).toEqual([]);
    expect(await records('\ufeff')).toEqual([]);
  });
});
