import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The layer rule of DESIGN.md, checked on the source text: the domain imports only itself and reads no clock. */
const dir = join(__dirname, '../../src/domain');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('the domain layer', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s imports nothing outside src/domain', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !s.startsWith('./'))).toEqual([]);
  });

  it.each(files)('%s reads no clock, environment or randomness', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)|process\.|Math\.random\(|console\./);
  });
});
