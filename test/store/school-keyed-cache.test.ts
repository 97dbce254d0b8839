import { SchoolKeyedCache } from '../../src/store/school-keyed-cache';

describe('the per-school display cache', () => {
  let now = 0;
  const cache = () => new SchoolKeyedCache<string>(10_000, () => now);
  beforeEach(() => (now = 0));

  it('answers a repeated read from memory until its time is up, then reads again', async () => {
    const c = cache();
    let reads = 0;
    const load = async () => `v${++reads}`;
    expect(await c.get('s1', 'p1', load)).toBe('v1');
    now = 9_999;
    expect(await c.get('s1', 'p1', load)).toBe('v1');
    now = 10_000;
    expect(await c.get('s1', 'p1', load)).toBe('v2');
  });

  it('lets concurrent misses share one read', async () => {
    const c = cache();
    let reads = 0;
    const load = () => new Promise<string>((r) => setTimeout(() => r(`v${++reads}`), 5));
    expect(await Promise.all([c.get('s1', 'p1', load), c.get('s1', 'p1', load)])).toEqual(['v1', 'v1']);
    expect(reads).toBe(1);
  });

  it('forgets a school at once when told (a write through this process), not the other schools', async () => {
    const c = cache();
    let reads = 0;
    const load = async () => `v${++reads}`;
    await c.get('s1', 'p1', load);
    await c.get('s2', 'p1', load);
    c.clear('s1');
    expect(await c.get('s1', 'p1', load)).toBe('v3');
    expect(await c.get('s2', 'p1', load)).toBe('v2');
  });

  it('does not keep a failed read', async () => {
    const c = cache();
    await expect(c.get('s1', 'p1', () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(await c.get('s1', 'p1', async () => 'ok')).toBe('ok');
  });

  it('drops entries past their time, so a process does not keep every pupil it ever showed', async () => {
    const c = cache();
    for (let i = 0; i < 100; i++) await c.get('s1', `p${i}`, async () => 'x');
    now = 20_000;
    await c.get('s2', 'p0', async () => 'x');
    expect(c.size()).toBe(1);
  });
});
