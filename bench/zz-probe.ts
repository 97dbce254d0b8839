import { BenchConnector } from './connector';
import { spawnTs, until, getJson, postJson, stopChild } from './processes';
import { staffWith, demoPupils } from '../test/support/demo-people';
(async () => {
  const c = new BenchConnector(); await c.start();
  const bot = spawnTs('bench/bot-process.ts', { NODE_ENV: 'development', PORT: '45611', HOST: '127.0.0.1', DEMO_DATA: 'on', PLAYGROUND_MODE: 'off', LOG_LEVEL: 'info', DISABLE_JOBS: '1', BENCH_CONTROL_PORT: '45612' }, '/tmp/probe-bot.log');
  const t = staffWith('mentor')[0]; const pw = staffWith('preventiewerker')[0];
  const base = (w: any) => ({ channelId: 'msteams', serviceUrl: c.url, from: { id: `29:${w.entraId}`, aadObjectId: w.entraId, name: w.name }, recipient: { id: '28:b' }, conversation: { id: `a:p-${w.entraId}`, conversationType: 'personal', tenantId: 'x' }, channelData: { tenant: { id: 'x' } } });
  const post = (a: object) => fetch('http://127.0.0.1:45611/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });
  await until(async () => (await post({ ...base(t), type: 'message', id: 'x', text: '/help' })).status === 200, 60000, 'bot');
  await until(async () => (await getJson<any>('http://127.0.0.1:45612/ready')).ready, 60000, 'ready', 100);
  const own = demoPupils.find((p) => t.classes.includes(p.className))!;
  const { ids } = await postJson<any>('http://127.0.0.1:45612/signals', { n: Number(process.argv[2] ?? 20), schoolId: 'demo-school', reporterId: t.entraId, pupilId: `pupil:${own.number}`, returnIds: true });
  for (const s of ids.slice(-5)) {
    await postJson('http://127.0.0.1:45612/meter/reset');
    const t0 = performance.now();
    const r = await post({ ...base(pw), type: 'invoke', name: 'adaptiveCard/action', id: 'i' + Math.random(), value: { action: { type: 'Action.Execute', verb: 'signal.claim', data: { signalId: s.signalId, schoolId: 'demo-school', v: s.v } } } });
    const body = await r.text();
    console.log('claim', r.status, Math.round(performance.now() - t0), 'ms', body.includes('opgepakt'), JSON.stringify(await getJson('http://127.0.0.1:45612/meter')));
  }
  for (const q of ['an', 'bak', 'smit']) {
    await postJson('http://127.0.0.1:45612/meter/reset');
    const t0 = performance.now();
    const r = await post({ ...base({ entraId: 'b0000000-0000-4000-8000-000000000001', name: 'B' }), type: 'invoke', name: 'application/search', id: 'i' + Math.random(), value: { kind: 'search', queryText: q, queryOptions: { skip: 0, top: 15 }, dataset: 'pupils' } });
    await r.text();
    console.log('search', q, r.status, Math.round(performance.now() - t0), 'ms', JSON.stringify(await getJson('http://127.0.0.1:45612/meter')));
  }
  await stopChild(bot); await c.stop();
})();
