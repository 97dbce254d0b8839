#!/usr/bin/env node
'use strict';
/**
 * Writes the Microsoft 365 Agents Playground configs from the demo roster, so they never drift:
 *   .m365agentsplayground.yml     default current user (the mentor)
 *   playground/<role>.yml         one per role word, with the first staff member who has it
 *
 *   node scripts/playground-config.js           write all of them
 *   node scripts/playground-config.js --check   exit 1 if any written file differs from the roster
 *   node scripts/playground-config.js --list    show which person each key selects
 *   node scripts/playground-config.js --user a.veldman --out /tmp/x.yml
 *   node scripts/playground-config.js --school examples/tweede-school --list   (another school's folder)
 *
 * Every config holds all staff (current user + `users`) and three channels. The stock Playground
 * schema allows only 5 users and 1 extra channel: start it through scripts/run-playground.js,
 * which preloads scripts/playground-schema-shim.js. See docs/playground.md.
 */
const fs = require('fs');
const path = require('path');
const { parse } = require('csv-parse/sync');

const ROOT = path.resolve(__dirname, '..');
const DEMO_DIR = path.join(ROOT, 'demo');
const DEFAULT_KEY = 'mentor';
const ROOT_CONFIG = path.join(ROOT, '.m365agentsplayground.yml');
const VARIANT_DIR = path.join(ROOT, 'playground');

/** Role words of staff.csv that get a playground/<role>.yml variant, in this order. */
const ROLE_VARIANTS = [
  'mentor',
  'docent',
  'preventiewerker',
  'zorgcoordinator',
  'beheerder',
  'ot',
  'leerplichtambtenaar',
  'projectleider',
];
const ALIASES = {
  default: 'mentor',
  teacher: 'docent',
  zorgcoördinator: 'zorgcoordinator',
  gezinswerker: 'ot',
  admin: 'beheerder',
};

/** Fixed Playground/Teams ids of the demo (bot, chats, channels). The team comes from demo/school.json. */
const IDS = {
  bot: { id: '28:cc79d9e5-8f23-5fd3-a015-bacbb9280eed', name: 'Waakvlam' },
  groupChat: { id: '19:demo-school-groepschat@thread.v2', name: 'Mentoren en preventiewerkers' },
  channels: {
    ot: { id: '19:demo-school-ot@thread.tacv2', name: 'Ondersteuningsteam (OT)' },
    coordinators: { id: '19:demo-school-zorgcoordinatoren@thread.tacv2', name: 'Zorgcoördinatoren' },
  },
  userId: (upn) => `29:demo-${localPart(upn)}`,
  personalChatId: (upn) => `a:demo-personal-${localPart(upn)}`,
};

/**
 * The Teams ids of another school's folder (a settings file + staff CSV, e.g. examples/tweede-school):
 * the demo's pattern with the school id in place of `demo`. The bot id is the same (one bot).
 */
function idsFor(school) {
  if (school.id === 'demo-school') return IDS;
  const id = school.id;
  return {
    bot: IDS.bot,
    groupChat: { id: `19:${id}-groepschat@thread.v2`, name: IDS.groupChat.name },
    channels: {
      ot: { id: `19:${id}-ot@thread.tacv2`, name: IDS.channels.ot.name },
      coordinators: { id: `19:${id}-zorgcoordinatoren@thread.tacv2`, name: IDS.channels.coordinators.name },
    },
    userId: (upn) => `29:${id}-${localPart(upn)}`,
    personalChatId: (upn) => `a:${id}-personal-${localPart(upn)}`,
  };
}

function localPart(upn) {
  return upn.split('@')[0].toLowerCase();
}

function splitList(value) {
  return (value || '')
    .split(/[|,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function loadSchool(demoDir = DEMO_DIR) {
  return JSON.parse(fs.readFileSync(path.join(demoDir, 'school.json'), 'utf8'));
}

function staffFile(demoDir = DEMO_DIR) {
  const school = loadSchool(demoDir);
  return path.join(demoDir, school.roster && school.roster.staff ? school.roster.staff : 'roster/staff.csv');
}

/** A header as the roster import compares it: "E-mail" → "email", "entra_id" → "entraid". */
const headerKey = (h) =>
  String(h)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
/** The few staff columns used here, by the header names the roster import also accepts. */
const STAFF_HEADERS = {
  name: ['naam', 'weergavenaam', 'medewerker'],
  upn: ['upn', 'userprincipalname', 'email', 'emailadres', 'mail'],
  roles: ['rollen', 'rol'],
  classes: ['klassen', 'klas'],
  entraId: ['entraid', 'aadobjectid', 'objectid'],
};

function loadStaff(demoDir = DEMO_DIR) {
  const rows = parse(fs.readFileSync(staffFile(demoDir), 'utf8'), {
    delimiter: ';',
    columns: (h) => h.map(headerKey),
    bom: true,
    trim: true,
    skip_empty_lines: true,
  });
  const field = (row, name) => {
    const k = STAFF_HEADERS[name].find((a) => row[a] !== undefined);
    return k ? row[k] : undefined;
  };
  return rows.map((row) => ({
    name: field(row, 'name'),
    upn: field(row, 'upn').toLowerCase(),
    roles: splitList(field(row, 'roles')),
    classes: splitList(field(row, 'classes')),
    entraId: field(row, 'entraId') || entraIdFor(field(row, 'upn')),
  }));
}

/**
 * A stand-in Entra object id for a staff row without one (a school's export with only e-mail
 * addresses): a fixed UUID made from the UPN, so the Playground user has an id that appears
 * nowhere in the roster, and the bot binds them by UPN on first contact (issue 14).
 */
function entraIdFor(upn) {
  const h = require('crypto')
    .createHash('sha1')
    .update(`waakvlam-playground:${String(upn).toLowerCase()}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Finds the staff member for a role word, a UPN, its local part, or an Entra object id. */
function resolveUser(key, staff) {
  const wanted = String(key || DEFAULT_KEY)
    .trim()
    .toLowerCase();
  const role = ALIASES[wanted] || wanted;
  if (ROLE_VARIANTS.includes(role)) {
    // "docent" means a teacher who is not also a mentor, so both paths can be tried.
    const person =
      role === 'docent'
        ? staff.find((s) => s.roles.includes('docent') && !s.roles.includes('mentor')) ||
          staff.find((s) => s.roles.includes('docent'))
        : staff.find((s) => s.roles.includes(role));
    return person ? { person, role } : undefined;
  }
  const person = staff.find(
    (s) => s.upn === wanted || localPart(s.upn) === wanted || s.entraId.toLowerCase() === wanted,
  );
  return person ? { person, role: undefined } : undefined;
}

function toPlaygroundUser(s, ids = IDS) {
  const [givenName, ...rest] = s.name.split(' ');
  return {
    id: ids.userId(s.upn),
    name: s.name,
    userPrincipleName: s.upn, // sic: the Playground's schema spells it "userPrincipleName"
    aadObjectId: s.entraId,
    givenName,
    surname: rest.join(' ') || givenName,
    email: s.upn,
  };
}

/** The config object (Playground config schema 0.1.1) with `person` as the current user. */
function buildConfig(person, staff, school) {
  const ids = idsFor(school);
  return {
    version: '0.1.1',
    tenantId: school.tenantId,
    bot: { id: ids.bot.id, name: ids.bot.name },
    currentUser: toPlaygroundUser(person, ids),
    users: staff.filter((s) => s.upn !== person.upn).map((s) => toPlaygroundUser(s, ids)),
    personalChat: { id: ids.personalChatId(person.upn) },
    groupChat: { id: ids.groupChat.id, name: ids.groupChat.name },
    team: {
      id: school.team.id,
      name: school.team.name,
      aadGroupId: school.team.aadGroupId,
      channels: [ids.channels.ot, ids.channels.coordinators].map((c) => ({ id: c.id, name: c.name })),
    },
  };
}

/** YAML with every string double-quoted (JSON string syntax is valid YAML). */
function renderYaml(config, person, role, demoDir = DEMO_DIR) {
  const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');
  const q = (v) => JSON.stringify(v);
  // A user mapping: at `indent`, or as a list item ("- " before the first key) when `item` is set.
  const user = (u, indent, item) =>
    Object.entries(u)
      .map(([k, v], i) => `${' '.repeat(indent)}${item ? (i === 0 ? '- ' : '  ') : ''}${k}: ${q(v)}`)
      .join('\n');
  const lines = [
    '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json',
    `# GENERATED by scripts/playground-config.js from ${rel(staffFile(demoDir))} and ${rel(path.join(demoDir, 'school.json'))}; do not edit.`,
    `# Current user: ${person.name} <${person.upn}> (${person.roles.join('|')})${role ? `, selected by PLAYGROUND_USER=${role}` : ''}.`,
    '# Holds all staff and 3 channels: start it with `npm run playground` (scripts/run-playground.js), which',
    '# relaxes the stock schema limits (5 users, 1 extra channel). See docs/playground.md.',
    `version: ${q(config.version)}`,
    `tenantId: ${q(config.tenantId)}`,
    'bot:',
    `  id: ${q(config.bot.id)}`,
    `  name: ${q(config.bot.name)}`,
    'currentUser:',
    user(config.currentUser, 2, false),
    'users:',
    ...config.users.map((u) => user(u, 2, true)),
    'personalChat:',
    `  id: ${q(config.personalChat.id)}`,
    'groupChat:',
    `  id: ${q(config.groupChat.id)}`,
    `  name: ${q(config.groupChat.name)}`,
    'team:',
    `  id: ${q(config.team.id)}`,
    `  name: ${q(config.team.name)}`,
    `  aadGroupId: ${q(config.team.aadGroupId)}`,
    '  channels:',
    ...config.team.channels.map((c) => `    - id: ${q(c.id)}\n      name: ${q(c.name)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Text of the config for `key` (role word, UPN, local part or Entra id). Throws on an unknown key. */
function configFor(key, demoDir = DEMO_DIR) {
  const staff = loadStaff(demoDir);
  const found = resolveUser(key, staff);
  if (!found) {
    const known = [...ROLE_VARIANTS.filter((r) => resolveUser(r, staff)), ...staff.map((s) => localPart(s.upn))];
    throw new Error(`PLAYGROUND_USER "${key}" matches no role word or staff member. Try one of: ${known.join(', ')}`);
  }
  const config = buildConfig(found.person, staff, loadSchool(demoDir));
  return { ...found, config, yaml: renderYaml(config, found.person, found.role, demoDir) };
}

/** Every file this script owns, with the text it should have. */
function expectedFiles(demoDir = DEMO_DIR) {
  const staff = loadStaff(demoDir);
  const files = [{ file: ROOT_CONFIG, text: configFor(DEFAULT_KEY, demoDir).yaml }];
  for (const role of ROLE_VARIANTS) {
    if (resolveUser(role, staff))
      files.push({ file: path.join(VARIANT_DIR, `${role}.yml`), text: configFor(role, demoDir).yaml });
  }
  return files;
}

function writeIfChanged(file, text) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (old === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, 'utf8');
  return true;
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const schoolDir = arg('--school') ? path.resolve(arg('--school')) : DEMO_DIR;
  if (argv.includes('--list')) {
    const staff = loadStaff(schoolDir);
    for (const role of ROLE_VARIANTS) {
      const found = resolveUser(role, staff);
      if (found)
        console.log(`${role.padEnd(20)} ${found.person.name} <${found.person.upn}> (${found.person.roles.join('|')})`);
    }
    for (const s of staff) console.log(`${localPart(s.upn).padEnd(20)} ${s.name} (${s.roles.join('|')})`);
    return 0;
  }
  if (arg('--user')) {
    const { yaml } = configFor(arg('--user'), schoolDir);
    const out = arg('--out');
    if (out) {
      writeIfChanged(path.resolve(out), yaml);
      console.log(path.resolve(out));
    } else process.stdout.write(yaml);
    return 0;
  }
  const files = expectedFiles();
  if (argv.includes('--check')) {
    const stale = files.filter(({ file, text }) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
    for (const { file } of stale)
      console.error(`out of date: ${path.relative(ROOT, file)} (run: node scripts/playground-config.js)`);
    return stale.length ? 1 : 0;
  }
  for (const { file, text } of files) {
    console.log(`${writeIfChanged(file, text) ? 'wrote    ' : 'unchanged'} ${path.relative(ROOT, file)}`);
  }
  return 0;
}

module.exports = {
  IDS,
  DEMO_DIR,
  idsFor,
  ROLE_VARIANTS,
  DEFAULT_KEY,
  ROOT_CONFIG,
  VARIANT_DIR,
  loadSchool,
  loadStaff,
  resolveUser,
  buildConfig,
  renderYaml,
  configFor,
  expectedFiles,
  writeIfChanged,
};

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
