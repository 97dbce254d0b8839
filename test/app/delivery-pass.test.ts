import { DeliveryPass, PASS_READ_MS } from '../../src/app/core/delivery-pass';

describe('what one outbox pass reads once for all its messages', () => {
  it('reads a key once for the messages of a pass that ask for it at the same time or after', async () => {
    let t = 0;
    const pass = new DeliveryPass(() => t);
    let reads = 0;
    const read = async () => ++reads;
    expect(await Promise.all([pass.once('signal|s|1', read), pass.once('signal|s|1', read)])).toEqual([1, 1]);
    t = PASS_READ_MS - 1;
    expect(await pass.once('signal|s|1', read)).toBe(1);
    expect(await pass.once('signal|s|2', read)).toBe(2);
  });

  it('reads again once what it read is PASS_READ_MS old, so a long pass draws cards from fresh state', async () => {
    let t = 0;
    const pass = new DeliveryPass(() => t);
    let reads = 0;
    await pass.once('k', async () => ++reads);
    t = PASS_READ_MS;
    expect(await pass.once('k', async () => ++reads)).toBe(2);
  });

  it('does not keep a failed read: the next message reads again', async () => {
    const pass = new DeliveryPass(() => 0);
    await expect(pass.once('k', () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    expect(await pass.once('k', async () => 'read')).toBe('read');
  });
});
