'use strict';
/**
 * Preloaded (`node -r`) into the Microsoft 365 Agents Playground CLI by scripts/run-playground.js.
 *
 * The Playground (0.2.28) validates `.m365agentsplayground.yml` against a JSON schema
 * (config schema 0.1.1, embedded in its bundle) that allows exactly 5 `users` and at most 1
 * channel besides "General". Its server code has no such limit (it maps every user and every
 * channel), so this shim relaxes only those three numbers in the schema object when the bundle
 * parses it, and then restores JSON.parse. Nothing in node_modules is modified.
 *
 * If a Playground update changes the schema, the shim matches nothing, prints a warning and the
 * Playground validates as before (a too-large config then fails with a clear YAML-path error).
 */
const SCHEMA_ID = /teams-app-test-tool-config\/0\.1\.\d+\/config\.schema\.json$/;
const originalParse = JSON.parse;
let applied = false;

function relax(schema) {
  const users = schema.properties && schema.properties.users;
  const channels =
    schema.properties &&
    schema.properties.team &&
    schema.properties.team.properties &&
    schema.properties.team.properties.channels;
  if (!users || !channels) return false;
  users.minItems = 1;
  delete users.maxItems;
  delete channels.maxItems;
  return true;
}

JSON.parse = function parseAndRelax(text, reviver) {
  const value = originalParse.call(this, text, reviver);
  if (!applied && value && typeof value === 'object' && typeof value.$id === 'string' && SCHEMA_ID.test(value.$id)) {
    applied = relax(value);
    JSON.parse = originalParse;
  }
  return value;
};

// cli.js loads the whole bundle synchronously, so the schema has been parsed by the first tick.
setImmediate(() => {
  if (!applied) {
    JSON.parse = originalParse;
    process.stderr.write(
      '[playground] warning: config-schema shim did not apply (Playground version changed?); ' +
        'configs with more than 5 users or 1 extra channel will be rejected.\n',
    );
  }
});
