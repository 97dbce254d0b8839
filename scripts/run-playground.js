#!/usr/bin/env node
'use strict';
/**
 * Starts the Microsoft 365 Agents Playground (local Teams client) against the bot, as one of the
 * demo school's staff members (or another school's: PLAYGROUND_SCHOOL_DIR). Used by
 * `npm run playground` and `npm run dev`.
 *
 *   PLAYGROUND_USER   who you are: a role word (mentor [default], docent, preventiewerker,
 *                     zorgcoordinator, beheerder, ot, leerplichtambtenaar), a UPN, its local
 *                     part (a.veldman) or an Entra object id from demo/roster/staff.csv
 *   PORT              port of the bot (default 3978); the Playground posts to
 *                     http://127.0.0.1:$PORT/api/messages (BOT_ENDPOINT overrides the whole URL)
 *   PLAYGROUND_PORT   port of the Playground web UI and mocked connector (default 56150; the
 *                     Playground falls back to a random free port when it is taken)
 *   PLAYGROUND_SCHOOL_DIR  another school's folder (its school.json and staff CSV), e.g.
 *                     examples/tweede-school: you are one of that school's staff; staff without an
 *                     entra_id get a made-up one, so the bot binds them by e-mail on first contact
 *
 * Switching user means restarting this script with another PLAYGROUND_USER and reloading the page:
 * the Playground has exactly one current user per process. See docs/playground.md.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const playgroundConfig = require('./playground-config');

const ROOT = path.resolve(__dirname, '..');

function fail(message) {
  console.error(`[playground] ${message}`);
  process.exit(1);
}

function playgroundCli() {
  try {
    return path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  } catch {
    return fail('@microsoft/m365agentsplayground is not installed; run `npm install` first.');
  }
}

/**
 * Regenerates the chosen user's config from the roster and returns its path. The demo's role
 * configs are the checked-in files; anyone else's, and every config of another school's folder
 * (`schoolDir`), go to .localdata/playground/ (git-ignored).
 */
function configPath(key, schoolDir) {
  let found;
  try {
    found = playgroundConfig.configFor(key, schoolDir);
  } catch (e) {
    return fail(e.message);
  }
  const ownFile = `${found.config.currentUser.email.split('@')[0]}.yml`;
  const isDemo = path.resolve(schoolDir) === playgroundConfig.DEMO_DIR;
  const file = !isDemo
    ? path.join(ROOT, '.localdata', 'playground', playgroundConfig.loadSchool(schoolDir).id, ownFile)
    : found.role
      ? found.role === playgroundConfig.DEFAULT_KEY
        ? playgroundConfig.ROOT_CONFIG
        : path.join(playgroundConfig.VARIANT_DIR, `${found.role}.yml`)
      : path.join(ROOT, '.localdata', 'playground', ownFile);
  playgroundConfig.writeIfChanged(file, found.yaml);
  return { file, found };
}

function main() {
  const userKey = process.env.PLAYGROUND_USER || playgroundConfig.DEFAULT_KEY;
  const botEndpoint = process.env.BOT_ENDPOINT || `http://127.0.0.1:${process.env.PORT || 3978}/api/messages`;
  const uiPort = String(process.env.PLAYGROUND_PORT || 56150);
  const schoolDir = process.env.PLAYGROUND_SCHOOL_DIR
    ? path.resolve(ROOT, process.env.PLAYGROUND_SCHOOL_DIR)
    : playgroundConfig.DEMO_DIR;
  const { file, found } = configPath(userKey, schoolDir);
  const me = found.person;

  const env = { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: file };
  // These make the Playground demand and send Bot Framework tokens; the local bot runs without credentials.
  for (const name of [
    'AUTH_CLIENT_ID',
    'AUTH_CLIENT_SECRET',
    'AUTH_TENANT_ID',
    'BOT_ENDPOINT',
    'TEAMS_APP_TEST_TOOL_CONFIG_PATH',
  ])
    delete env[name];

  const args = [
    '-r',
    path.join(__dirname, 'playground-schema-shim.js'),
    playgroundCli(),
    'start',
    '--app-endpoint',
    botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    uiPort,
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });

  let announced = false;
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      const listening = /^Listening on (\d+)$/.exec(line);
      if (listening && !announced) {
        announced = true;
        console.log(
          [
            `[playground] open http://localhost:${listening[1]}`,
            `[playground] you are ${me.name} <${me.upn}> (${me.roles.join('|')}); switch with PLAYGROUND_USER=<role|upn> and restart`,
            `[playground] bot endpoint ${botEndpoint}; connector (serviceUrl) http://localhost:${listening[1]}/_connector`,
            `[playground] config ${path.relative(ROOT, file)}; log devTools/m365agentsplayground.log`,
          ].join('\n'),
        );
      } else if (line) {
        console.log(`[playground] ${line}`);
      }
    }
  });

  let stopping = false;
  const forward = (signal) => () => {
    stopping = true;
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  child.on('exit', (code, signal) => {
    // The Playground prints "Listening on" before it reads the config, so a bad config exits after that.
    if (!stopping && code !== 0) {
      const log = path.join(ROOT, 'devTools', 'm365agentsplayground.log');
      if (fs.existsSync(log)) {
        const tail = fs
          .readFileSync(log, 'utf8')
          .split('\n')
          .filter((l) => !l.startsWith('debug Telemetry'))
          .slice(-8);
        process.stderr.write(`${tail.join('\n')}\n`);
      }
      console.error(`[playground] stopped (code ${code}${signal ? `, ${signal}` : ''})`);
    }
    process.exit(code === null ? (stopping ? 0 : 1) : code);
  });
}

main();
