import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { productionNodeArgs } from '../../bench/production-runtime';

const withDockerfile = (text: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dockerfile-'));
  writeFileSync(path.join(dir, 'Dockerfile'), text);
  return dir;
};

describe('the Node options the bench starts the bot with (read from the Dockerfile)', () => {
  it('takes NODE_OPTIONS from a multi-line ENV', () => {
    const dir = withDockerfile(
      'FROM node:20-slim\nENV NODE_ENV=production \\\n    NODE_OPTIONS=--max-old-space-size=123 \\\n    PORT=3978\n',
    );
    expect(productionNodeArgs(dir)).toEqual(['--max-old-space-size=123']);
  });

  it('refuses to guess when the Dockerfile no longer sets them', () => {
    expect(() => productionNodeArgs(withDockerfile('FROM node:20-slim\nENV NODE_ENV=production\n'))).toThrow(
      /NODE_OPTIONS/,
    );
  });

  it('finds the heap limit in the project’s own Dockerfile', () => {
    expect(
      productionNodeArgs(path.resolve(__dirname, '..', '..')).some((a) => a.startsWith('--max-old-space-size=')),
    ).toBe(true);
  });
});
