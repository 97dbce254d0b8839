import {
  CsvFileError,
  detectDelimiter,
  readCsvRecords,
  type CsvReadInfo,
  type CsvSource,
} from '../../src/app/roster/csv-reader';

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

  it('refuses a file that is neither UTF-8 nor clean Windows-1252 instead of garbling names', async () => {
    // Excel's "Unicode text" export: UTF-16 with its BOM, a NUL after every ASCII character
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a;b\n1;Zoë\n', 'utf16le')]);
    expect((await failure(utf16)).reason).toMatch(/geen UTF-8 en ook geen Windows-1252/);
    // bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
      expect(
        (await failure(Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0x31, 0x3b, 0x5a, 0x6f, 0xeb, undefinedByte, 0x0a])))
          .reason,
      ).toMatch(/geen UTF-8/);
    }
    // a control character before the first non-ASCII byte counts too
    expect(
      (await failure(Buffer.from([0x61, 0x3b, 0x62, 0x0a, 0x31, 0x3b, 0x01, 0x5a, 0x6f, 0xeb, 0x0a]))).reason,
    ).toMatch(/geen UTF-8/);
    // UTF-8 first, then a byte that breaks it: a mixed file
    expect(
      (await failure(Buffer.concat([Buffer.from('a;b\n1;Zoë\n2;', 'utf8'), Buffer.from([0x5a, 0x6f, 0xeb, 0x0a])])))
        .reason,
    ).toMatch(/geen UTF-8/);
  });

  /** "naam;klas\nZoë Aït-Éssalhi;1A\nLotte Müller;2B\n" as Excel's plain "CSV" writes it on Dutch Windows. */
  const cp1252Bytes = Buffer.from([
    ...Buffer.from('naam;klas\r\nZo', 'ascii'),
    0xeb,
    ...Buffer.from(' A', 'ascii'),
    0xef,
    ...Buffer.from('t-', 'ascii'),
    0xc9,
    ...Buffer.from('ssalhi;1A\r\n', 'ascii'),
    ...Buffer.from('Lotte M', 'ascii'),
    0xfc,
    ...Buffer.from('ller;2B\r\nRen', 'ascii'),
    0xe9,
    ...Buffer.from(' ', 'ascii'),
    0x80,
    ...Buffer.from('5;3C\r\n', 'ascii'),
  ]);

  it('reads a file that is not UTF-8 as Windows-1252 when it decodes cleanly, and says so', async () => {
    const info: CsvReadInfo = {};
    const out: { line: number; fields: string[] }[] = [];
    for await (const r of readCsvRecords(cp1252Bytes, info)) out.push(r);
    expect(out).toEqual([
      { line: 1, fields: ['naam', 'klas'] },
      { line: 2, fields: ['Zoë Aït-Éssalhi', '1A'] },
      { line: 3, fields: ['Lotte Müller', '2B'] },
      { line: 4, fields: ['René €5', '3C'] },
    ]);
    expect(info.encoding).toBe('windows-1252');
  });

  it('reads Windows-1252 streamed in one-byte chunks the same way', async () => {
    async function* bytewise() {
      for (const b of cp1252Bytes) yield Uint8Array.of(b);
    }
    const info: CsvReadInfo = {};
    const names: string[] = [];
    for await (const r of readCsvRecords(bytewise(), info)) names.push(r.fields[0]);
    expect(names).toEqual(['naam', 'Zoë Aït-Éssalhi', 'Lotte Müller', 'René €5']);
    expect(info.encoding).toBe('windows-1252');
  });

  it('keeps UTF-8 (with or without BOM, also split mid-character) as UTF-8', async () => {
    for (const text of ['\ufeffnaam;klas\nZoë;1A\n', 'naam;klas\nZoë;1A\n', 'naam;klas\nZo;1A\n']) {
      const bytes = Buffer.from(text, 'utf8');
      async function* bytewise() {
        for (const b of bytes) yield Uint8Array.of(b);
      }
      for (const source of [bytes, bytewise()]) {
        const info: CsvReadInfo = {};
        const out: string[][] = [];
        for await (const r of readCsvRecords(source, info)) out.push(r.fields);
        expect(out[0]).toEqual(['naam', 'klas']);
        expect(out[1][0]).toBe(text.includes('ë') ? 'Zoë' : 'Zo');
        expect(info.encoding).toBe('utf-8');
      }
    }
  });

  it('refuses a UTF-8 file that ends in the middle of a character', async () => {
    const cut = Buffer.from('a;b\n1;Zoë', 'utf8');
    expect((await failure(Buffer.concat([cut, Buffer.from([0xe2, 0x82])]))).reason).toMatch(/geen UTF-8/);
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
