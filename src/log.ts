/**
 * Structured JSON logs. Never pass pupil names, observations or notes: log ids and codes only.
 * The `redact` guard drops keys that commonly hold personal text, as a second line of defence.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const FORBIDDEN_KEYS = new Set([
  'name',
  'displayName',
  'firstName',
  'lastName',
  'observation',
  'note',
  'text',
  'question',
  'answer',
  'summary',
  'reason',
  'body',
]);

export type LogFields = Record<string, string | number | boolean | undefined | null>;
export type LogSink = (line: string) => void;

let threshold: number = ORDER.info;
let sink: LogSink = (line) => process.stdout.write(line + '\n');

export function configureLog(level: Level | 'silent', out?: LogSink): void {
  threshold = ORDER[level];
  if (out) sink = out;
}

function emit(level: Level, msg: string, fields?: LogFields): void {
  if (ORDER[level] < threshold) return;
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields ?? {})) safe[k] = FORBIDDEN_KEYS.has(k) ? '[redacted]' : v;
  sink(JSON.stringify({ t: new Date().toISOString(), level, msg, ...safe }));
}

export const log = {
  debug: (msg: string, f?: LogFields) => emit('debug', msg, f),
  info: (msg: string, f?: LogFields) => emit('info', msg, f),
  warn: (msg: string, f?: LogFields) => emit('warn', msg, f),
  error: (msg: string, f?: LogFields) => emit('error', msg, f),
};
