/**
 * Offline consistency checks of the deployment files. No Bicep compiler is available on the
 * development machines (it is not in the npm registry or Debian), so this catches what it can:
 * module wiring, parameter names across files, the container layout, and that every variable the
 * Agents Toolkit substitutes is declared in env/.env.dev.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { productionNodeArgs } from '../../bench/production-runtime';
import { PRODUCTION_INSTALL } from '../../scripts/stage-webapp';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

/** Removes comments and the literal text of '…' strings (Bicep syntax), keeping ${…} interpolations. */
function stripBicep(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
    } else if (src[i] === "'") {
      // Keep ${…} interpolations: they are code (parameter and output references).
      let code = '';
      i++;
      while (i < src.length && src[i] !== "'") {
        if (src.startsWith('${', i)) {
          let depth = 0;
          let j = i + 1;
          for (; j < src.length; j++) {
            if (src[j] === '{') depth++;
            else if (src[j] === '}' && --depth === 0) break;
          }
          code += ` ${src.slice(i + 2, j)} `;
          i = j + 1;
        } else {
          i += src[i] === '\\' ? 2 : 1;
        }
      }
      i++;
      out += code ? `''+(${code})` : "''";
    } else {
      out += src[i++];
    }
  }
  return out;
}

interface BicepFile {
  params: Map<string, { hasDefault: boolean }>;
  outputs: Set<string>;
  modules: { symbol: string; path: string; params: Set<string> }[];
  text: string;
}

/** The text between the `{` at `open` and its matching `}`. */
function block(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '{' || src[i] === '[' || src[i] === '(') depth++;
    else if (src[i] === '}' || src[i] === ']' || src[i] === ')') {
      depth--;
      if (depth === 0) return src.slice(open + 1, i);
    }
  }
  throw new Error('unbalanced braces');
}

/** Keys at the top level of an object body. */
function topLevelKeys(body: string): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  for (const line of body.split('\n')) {
    if (depth === 0) {
      const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(line);
      if (m) keys.add(m[1]);
    }
    for (const ch of line) {
      if ('{[('.includes(ch)) depth++;
      else if ('}])'.includes(ch)) depth--;
    }
  }
  return keys;
}

function parseBicep(rel: string): BicepFile {
  const raw = read(rel);
  const text = stripBicep(raw);
  const params = new Map<string, { hasDefault: boolean }>();
  for (const m of text.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)) params.set(m[1], { hasDefault: Boolean(m[2]) });
  const outputs = new Set([...text.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]));
  const modules: BicepFile['modules'] = [];
  // Module paths are string literals, so read them from the raw text (same order as the stripped one).
  const paths = [...raw.matchAll(/^module\s+\w+\s+'([^']+)'/gm)].map((m) => m[1]);
  [...text.matchAll(/^module\s+(\w+)\s+''\s*=\s*(?:if\s*\([^)]*\)\s*)?\{/gm)].forEach((m, i) => {
    const body = block(text, m.index + m[0].length - 1);
    const p = /\bparams\s*:\s*\{/.exec(body);
    modules.push({
      symbol: m[1],
      path: paths[i],
      params: p ? topLevelKeys(block(body, p.index + p[0].length - 1)) : new Set(),
    });
  });
  return { params, outputs, modules, text };
}

describe('infra/ Bicep (static checks)', () => {
  const main = parseBicep('infra/main.bicep');

  it('has balanced braces in every Bicep file', () => {
    const files = [
      'infra/main.bicep',
      ...fs.readdirSync(path.join(ROOT, 'infra/modules')).map((f) => `infra/modules/${f}`),
    ];
    for (const f of files) {
      const t = stripBicep(read(f));
      for (const [o, c] of [
        ['{', '}'],
        ['[', ']'],
        ['(', ')'],
      ]) {
        expect({ file: f, bracket: o, count: t.split(o).length }).toEqual({
          file: f,
          bracket: o,
          count: t.split(c).length,
        });
      }
    }
  });

  it('passes every module exactly the parameters it declares, and all required ones', () => {
    expect(main.modules.map((m) => m.symbol).sort()).toEqual([
      'access',
      'alerts',
      'bot',
      'botIdentity',
      'cosmos',
      'monitoring',
      'vault',
      'web',
    ]);
    for (const mod of main.modules) {
      const file = path.posix.join('infra', mod.path);
      expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
      const target = parseBicep(file);
      const unknown = [...mod.params].filter((p) => !target.params.has(p));
      const missing = [...target.params].filter(([n, p]) => !p.hasDefault && !mod.params.has(n)).map(([n]) => n);
      expect({ module: mod.symbol, unknown, missing }).toEqual({ module: mod.symbol, unknown: [], missing: [] });
    }
  });

  it('reads only outputs that the modules declare', () => {
    for (const m of main.text.matchAll(/\b(\w+)!?\.outputs\.(\w+)/g)) {
      const mod = main.modules.find((x) => x.symbol === m[1]);
      expect(mod).toBeDefined();
      expect({ ref: m[0], declared: parseBicep(path.posix.join('infra', mod!.path)).outputs.has(m[2]) }).toEqual({
        ref: m[0],
        declared: true,
      });
    }
  });

  it('uses every parameter it declares', () => {
    for (const file of [
      'infra/main.bicep',
      ...fs.readdirSync(path.join(ROOT, 'infra/modules')).map((f) => `infra/modules/${f}`),
    ]) {
      const b = parseBicep(file);
      for (const name of b.params.keys()) {
        const uses = b.text.split(new RegExp(`\\b${name}\\b`)).length - 1;
        expect({ file, name, used: uses > 1 }).toEqual({ file, name, used: true });
      }
    }
  });

  it('creates the containers, all partitioned by /schoolId, with TTL where retention applies', () => {
    const raw = read('infra/main.bicep');
    const list = block(raw, raw.indexOf('[', raw.indexOf('var containers')));
    const names = [...list.matchAll(/name: '(\w+)'/g)].map((m) => m[1]);
    // the containers src/store/cosmos.ts uses (CONTAINERS)
    expect(names).toEqual(['directory', 'cases', 'audit', 'leases']);
    const ttl = Object.fromEntries([...list.matchAll(/name: '(\w+)', defaultTtl: ([\w-]+)/g)].map((m) => [m[1], m[2]]));
    expect(ttl).toEqual({ cases: '-1', audit: 'auditDefaultTtlSeconds' });
    const cosmos = read('infra/modules/cosmos.bicep');
    expect(cosmos).toContain("'/schoolId'");
    expect(cosmos).toContain("name: 'EnableServerless'");
  });

  it('gives the Web App the settings the bot reads, the secret only as a Key Vault reference', () => {
    const raw = read('infra/main.bicep');
    for (const name of [
      'NODE_ENV',
      'MICROSOFT_APP_ID',
      'MICROSOFT_APP_PASSWORD',
      'MICROSOFT_APP_TYPE',
      'MICROSOFT_APP_TENANT_ID',
      'ALLOWED_TENANTS',
      'COSMOS_ENDPOINT',
      'COSMOS_DATABASE',
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
    ]) {
      expect(raw).toMatch(new RegExp(`\\b${name}: `));
    }
    expect(raw).toContain("MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=");
    // the two bot identities (client secret or managed identity): test/package/infra-identity.test.ts
    expect(raw).toContain("MICROSOFT_APP_TYPE: botUsesIdentity ? 'UserAssignedMSI' : 'SingleTenant'");
    expect(read('infra/modules/access.bicep')).toContain("'00000000-0000-0000-0000-000000000002'");
  });

  it('has parameter files that only set parameters main.bicep declares', () => {
    const bicepparam = stripBicep(read('infra/main.bicepparam'));
    expect(read('infra/main.bicepparam')).toMatch(/^using '\.\/main\.bicep'$/m);
    const set = [...bicepparam.matchAll(/^param\s+(\w+)\s*=/gm)].map((m) => m[1]);
    const json = Object.keys(JSON.parse(read('infra/main.parameters.json')).parameters as object);
    for (const name of [...set, ...json])
      expect({ name, declared: main.params.has(name) }).toEqual({ name, declared: true });
    const required = [...main.params].filter(([, p]) => !p.hasDefault).map(([n]) => n);
    for (const name of required) {
      expect({ name, inBicepparam: set.includes(name) }).toEqual({ name, inBicepparam: true });
      expect({ name, inJson: json.includes(name) }).toEqual({ name, inJson: true });
    }
  });
});

describe('m365agents.yml and env/.env.dev', () => {
  const yml = read('m365agents.yml');
  const doc = YAML.parse(yml) as Record<string, { uses: string; with?: Record<string, unknown> }[]> & {
    version: string;
  };
  const envKeys = new Set(
    read('env/.env.dev')
      .split('\n')
      .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1])
      .filter((k): k is string => Boolean(k)),
  );

  it('has the three lifecycle stages with the expected actions', () => {
    expect(doc.version).toMatch(/^v1\.\d+$/);
    const uses = (stage: string) => doc[stage].map((a) => a.uses);
    expect(uses('provision')).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(uses('deploy')).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(uses('publish')).toContain('teamsApp/publishAppPackage');
    const aad = doc.provision.find((a) => a.uses === 'aadApp/create')!;
    expect(aad.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateServicePrincipal: true });
  });

  it('points at files that exist', () => {
    for (const rel of [
      'infra/main.bicep',
      'infra/main.parameters.json',
      'appPackage/manifest.json',
      'scripts/stage-webapp.ts',
      'tsconfig.build.json',
    ]) {
      expect(yml.includes(rel) || yml.includes(`./${rel}`)).toBe(true);
      expect(fs.existsSync(path.join(ROOT, rel))).toBe(true);
    }
  });

  it('declares in env/.env.dev every variable the toolkit substitutes, and no secret', () => {
    const used = new Set<string>();
    for (const f of ['m365agents.yml', 'infra/main.parameters.json', 'appPackage/manifest.json']) {
      for (const m of read(f).matchAll(/\$\{\{\s*([A-Z][A-Z0-9_]*)\s*\}\}/g)) used.add(m[1]);
    }
    const builtIn = new Set(['TEAMSFX_ENV']);
    const secrets = [...used].filter((v) => v.startsWith('SECRET_'));
    const undeclared = [...used].filter((v) => !v.startsWith('SECRET_') && !builtIn.has(v) && !envKeys.has(v));
    expect(undeclared).toEqual([]);
    expect(secrets).toEqual(['SECRET_BOT_PASSWORD']);
    expect([...envKeys].filter((k) => k.startsWith('SECRET_'))).toEqual([]);
  });

  it("keeps the toolkit's secret file out of git", () => {
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
  });
});

describe('production runtime and install (Dockerfile, App Service, package.json)', () => {
  const dockerfile = read('Dockerfile');
  const pkg = JSON.parse(read('package.json')) as {
    engines: { node: string };
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('runs Node 22 LTS in the container and on App Service, and allows Node 20 and 22 in engines', () => {
    expect(dockerfile).toMatch(/^ARG NODE_VERSION=22$/m);
    expect(dockerfile).toMatch(/^FROM node:\$\{NODE_VERSION\}-slim AS runtime$/m);
    expect(read('infra/main.bicep')).toContain("param linuxFxVersion string = 'NODE|22-lts'");
    const majors = pkg.engines.node.split('||').map((r) => Number(/^\s*\^(\d+)/.exec(r)?.[1]));
    expect(majors).toEqual([20, 22]);
  });

  it("gives App Service the container's heap limit (NODE_OPTIONS in the Bicep equals the Dockerfile's)", () => {
    const raw = read('infra/main.bicep');
    const bicepOptions = /^param nodeOptions string = '([^']*)'$/m.exec(raw)?.[1];
    expect(raw).toMatch(/^\s+NODE_OPTIONS: nodeOptions$/m);
    expect(bicepOptions?.split(/\s+/)).toEqual(productionNodeArgs(ROOT));
  });

  it('installs exactly the lock file, production packages only, without install scripts and without a fallback', () => {
    const runs = [...dockerfile.matchAll(/^RUN (.*npm .*)$/gm)].map((m) => m[1]);
    expect(runs).toEqual(['npm ci --ignore-scripts', 'npm ci --omit=dev --ignore-scripts && npm cache clean --force']);
    expect(dockerfile).not.toMatch(/npm install|^RUN .*\|\|/m);
    const deploy = YAML.parse(read('m365agents.yml')).deploy as { with?: { args?: string } }[];
    const npmArgs = deploy.map((a) => a.with?.args).filter((a): a is string => !!a && !a.startsWith('exec'));
    expect(npmArgs).toEqual(['ci --ignore-scripts --no-audit --no-fund', PRODUCTION_INSTALL.join(' ')]);
  });

  it('imports no devDependency from production source (the embedded store loads its server lazily)', () => {
    const dev = new Set(Object.keys(pkg.devDependencies));
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, 'src'))) {
      const rel = path.relative(ROOT, file);
      for (const spec of runtimeImports(fs.readFileSync(file, 'utf8'))) {
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (dev.has(name) && !EMBEDDED_STORE.has(rel)) offenders.push(`${rel} -> ${name}`);
      }
    }
    expect(offenders).toEqual([]);
    // the embedded store's server is required inside startEmbeddedCosmos only, never imported at load
    const embedded = read('src/store/embedded-cosmos.ts');
    expect(embedded).not.toMatch(/^import .*@vercel\/cosmosdb-server/m);
    expect(embedded).toMatch(/^\s+const \{ createHttpsServer \} = require\('@vercel\/cosmosdb-server'\)/m);
    for (const lazyOnly of ['embedded-atomic-batch', 'embedded-query-scope']) {
      const importers = sourceFiles(path.join(ROOT, 'src')).filter((f) =>
        new RegExp(`^import (?!type ).*'\\./${lazyOnly}'`, 'm').test(fs.readFileSync(f, 'utf8')),
      );
      expect({ lazyOnly, importers }).toEqual({ lazyOnly, importers: [] });
    }
  });
});

/** The embedded store (no COSMOS_ENDPOINT: local runs and tests); production never loads these. */
const EMBEDDED_STORE = new Set([
  'src/store/embedded-cosmos.ts',
  'src/store/embedded-atomic-batch.ts',
  'src/store/embedded-query-scope.ts',
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Package specifiers a module loads at run time: value imports, re-exports, require() and import() (not `import type`). */
function runtimeImports(src: string): string[] {
  const specs = [
    ...[...src.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+'([^']+)'/gm)].map((m) => m[1]),
    ...[...src.matchAll(/^\s*import\s+'([^']+)'/gm)].map((m) => m[1]),
    ...[...src.matchAll(/\brequire\('([^']+)'\)/g)].map((m) => m[1]),
    ...[...src.matchAll(/(?<!typeof )\bimport\('([^']+)'\)/g)].map((m) => m[1]),
  ];
  return specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
}
