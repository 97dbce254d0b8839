/**
 * Alerts as code (issue 17): infra/modules/alerts.bicep holds Azure Monitor log alert rules for
 * dead outbox messages, 5xx answers and the client secret's expiry. Read as text (no Bicep
 * compiler here, no Azure): the rules exist, say what to do when they fire, notify the action
 * group, and query log lines the code really writes, from tables the Web App really sends.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const alerts = read('infra/modules/alerts.bicep');

interface Rule {
  symbol: string;
  comment: string;
  body: string;
  query: string;
}

/** Each scheduled query rule with the comment lines right above it. */
const rules: Rule[] = [
  ...alerts.matchAll(/((?:^\/\/.*\n)+)resource (\w+) 'Microsoft\.Insights\/scheduledQueryRules@[^']+' = [^{]*\{\n/gm),
].map((m) => {
  const start = m.index + m[0].length;
  const body = alerts.slice(start, alerts.indexOf('\n}\n', start));
  return { symbol: m[2], comment: m[1], body, query: /^\s+query: '(.*)'$/m.exec(body)?.[1] ?? '' };
});
const rule = (symbol: string) => rules.find((r) => r.symbol === symbol)!;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}
/** Every log message name the bot writes: log.<level>('<name>', …). */
const emitted = new Set(
  sourceFiles(path.join(ROOT, 'src')).flatMap((f) =>
    [...fs.readFileSync(f, 'utf8').matchAll(/\blog\.(?:debug|info|warn|error)\(\s*'([\w.]+)'/g)].map((m) => m[1]),
  ),
);
/** The msg names a query filters on: entry.msg) in ("a", "b"). */
const msgNames = (query: string) =>
  [...query.matchAll(/entry\.msg\) in \(([^)]*)\)/g)].flatMap((m) =>
    [...m[1].matchAll(/"([\w.]+)"/g)].map((n) => n[1]),
  );

describe('alert rules in infra/modules/alerts.bicep', () => {
  it('has a rule for dead outbox messages, for 5xx answers and for the client secret expiring', () => {
    expect(rules.map((r) => r.symbol)).toEqual(['outboxDead', 'serverErrors', 'secretExpiry']);
  });

  it('says next to every rule what to do when it fires', () => {
    for (const r of rules)
      expect({ rule: r.symbol, comment: r.comment }).toEqual({
        rule: r.symbol,
        comment: expect.stringMatching(/\/\/ When it fires: \S/),
      });
  });

  it('notifies the action group from the parameters, fires once and resolves itself', () => {
    for (const r of rules) {
      expect({
        rule: r.symbol,
        actions: /actionGroups: actionGroups\n/.test(r.body),
        stateful: /autoMitigate: true/.test(r.body),
      }).toEqual({
        rule: r.symbol,
        actions: true,
        stateful: true,
      });
    }
    expect(alerts).toContain(
      'var actionGroups = !empty(actionGroupId) ? [actionGroupId] : (empty(alertEmail) ? [] : [emailGroup.id])',
    );
    const main = read('infra/main.bicep');
    expect(main).toMatch(/^\s+actionGroupId: alertActionGroupId$/m);
    expect(main).toMatch(/^\s+alertEmail: alertEmail$/m);
  });

  it('queries only log names the code emits', () => {
    expect(msgNames(rule('outboxDead').query)).toEqual(['outbox.dead', 'outbox.unknown_kind']);
    expect(msgNames(rule('serverErrors').query)).toEqual(['turn.failed', 'turn.error']);
    for (const name of rules.flatMap((r) => msgNames(r.query)))
      expect({ name, emitted: emitted.has(name) }).toEqual({ name, emitted: true });
    // a message given up is logged under these names (src/jobs/outbox-runner.ts, giveUp)
    const runner = read('src/jobs/outbox-runner.ts');
    const giveUp = runner.slice(
      runner.indexOf('private async giveUp('),
      runner.indexOf('\n  }\n', runner.indexOf('private async giveUp(')),
    );
    expect(giveUp).toContain("status: 'dead'");
    expect(giveUp).toContain("log.error('outbox.dead'");
    expect(giveUp).toContain("log.error('outbox.unknown_kind'");
  });

  it('counts every 5xx the Web App answers, not only the bot turns it logs', () => {
    expect(rule('serverErrors').query).toContain('AppServiceHTTPLogs | where ScStatus >= 500');
  });

  it('reads tables the Web App sends to the workspace', () => {
    const web = read('infra/modules/web-app.bicep');
    const tables = new Set(rules.flatMap((r) => [...r.query.matchAll(/\b(AppService\w+)\b/g)].map((m) => m[1])));
    expect([...tables].sort()).toEqual(['AppServiceConsoleLogs', 'AppServiceHTTPLogs']);
    for (const t of tables) expect(web).toContain(`category: '${t}'`);
    expect(read('infra/main.bicep')).toMatch(/^\s+workspaceId: monitoring\.outputs\.workspaceId$/m);
  });

  it('watches the client secret only while there is one, from the date the operator gives', () => {
    expect(alerts).toMatch(/resource secretExpiry '[^']+' = if \(!empty\(botSecretExpiresOn\)\)/);
    expect(rule('secretExpiry').query).toContain('todatetime("${botSecretExpiresOn}")');
    expect(rule('secretExpiry').query).toContain('where daysLeft <= 30');
    expect(read('infra/main.bicep')).toContain("botSecretExpiresOn: botUsesIdentity ? '' : botSecretExpiresOn");
  });
});
