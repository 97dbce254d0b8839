import type { TurnContext } from 'botbuilder';
import type { BotDeps } from './bot-deps';
import type { CardJson } from './render-card';
import { helpCommand } from './help-command';
import { intakeSubmit } from '../signals/intake-submit';
import { mySignalsCommand } from '../signals/my-signals';
import { CLAIM_SUCCESS, claimParser, signalAction, signalRefresh } from '../signals/signal-actions';
import { signalCommand } from '../signals/signal-intake';
import {
  signalAftercare,
  signalAnswer,
  signalAsk,
  signalClose,
  signalNote,
  signalReassign,
  signalReopen,
  signalScore,
  signalWatch,
} from '../signals/signal-handling';
import { listPage } from '../signals/list-page';
import { auditCommand } from '../privacy/privacy-audit';
import { eraseCommand, eraseSubmit } from '../privacy/privacy-erase';
import { exportCommand } from '../privacy/privacy-export';
import { koppelCommand } from '../school/channel-link';
import { ET } from '../escalation/escalation-texts';
import { escalateForm, escalateSubmit } from '../escalation/escalation-form';
import {
  escalationClaim,
  escalationDeEscalate,
  escalationDetails,
  escalationNote,
  escalationRefresh,
} from '../escalation/escalation-actions';
import { roundCommand } from '../rounds/round-command';
import { roundOfferSignal } from '../rounds/round-offer';
import { roundOpenPage, roundSavePage } from '../rounds/round-pages';
import { digestOpenSignal, overzichtCommand } from '../digest/digest-command';
import { agendaCommand } from '../meeting/agenda-command';
import { demoCommand } from '../demo/demo-clock-command';
import { settingsCommand, settingsSubmit } from '../school/settings-handlers';
import { ST } from '../school/settings-texts';
import { absenceCommand, staffSetLeave } from '../handover/absence-command';
import { handoverCommand, handoverSubmit } from '../handover/handover-command';
import { VERBS, type Verb } from './verbs';
import { leerlingCommand, storyOpen, storyOpenSignal } from '../story/story-command';

/**
 * The route table: every command and every Action.Execute verb the bot answers.
 * Tests enumerate it (every verb in cards/ has a route; every route is authorised).
 */
export type Scope = 'personal' | 'team' | 'groupChat';

export interface CommandRoute {
  command: string;
  aliases?: string[];
  scopes: Scope[];
  /** Dutch help when the command is typed where it does not work (default: the channel notice) */
  wrongScopeText?: string;
  /**
   * true: the command only reads and answers (nothing stored but audit lines of what was shown).
   * Its redeliveries are caught within the process only; every other command also marks the
   * activity in the store before it runs (src/bot/core/activity-dedupe.ts).
   */
  readOnly?: boolean;
  handler: (deps: BotDeps, context: TurnContext, args: string) => Promise<void>;
}

export interface VerbRoute {
  verb: Verb;
  /**
   * The conversations the verb's cards are sent to. Checked once before the handler runs
   * (src/bot/core/verb-guard.ts): a card forwarded elsewhere gets a neutral notice, audited.
   */
  scopes: Scope[];
  /**
   * true: the verb only reads and answers (nothing stored but audit lines of what was shown).
   * Every other verb changes something, and runs only when its answer can be placed (the
   * invoke names the message it came from, `replyToId`), so a retry cannot write twice.
   */
  readOnly?: boolean;
  /**
   * A state-changing verb: the card field that pins what its card was drawn on (the signal's
   * version `v`, the escalation number `n`, the question asked, the submission). Checked before
   * the handler: a click without it is refused as stale and audited, like one with an old value.
   */
  version?: 'v' | 'n' | 'questionId' | 'submissionId';
  /** A state-changing verb without a version: why the handler needs none. */
  unversioned?: string;
  handler: (deps: BotDeps, context: TurnContext, data: unknown) => Promise<CardJson>;
}

/** Cards sent to a person's own chat with the bot. */
const PERSONAL: Scope[] = ['personal'];
/** The OT channel card and the details card in an OT member's own chat. */
const CHANNEL_AND_PERSONAL: Scope[] = ['team', 'personal'];

export const COMMANDS: CommandRoute[] = [
  { command: 'signaal', aliases: ['melding', 'melden'], scopes: ['personal'], readOnly: true, handler: signalCommand },
  { command: 'mijn', scopes: ['personal'], readOnly: true, handler: (d, c) => mySignalsCommand(d, c) },
  {
    command: 'help',
    aliases: ['hulp', '?'],
    scopes: ['personal', 'team', 'groupChat'],
    readOnly: true,
    handler: (d, c) => helpCommand(d, c),
  },
  { command: 'audit', aliases: ['audittrail'], scopes: ['personal'], handler: auditCommand },
  { command: 'inzage', scopes: ['personal'], handler: exportCommand },
  { command: 'vergeet', aliases: ['wissen'], scopes: ['personal'], handler: eraseCommand },
  { command: 'koppel', scopes: ['team'], wrongScopeText: ET.linkHelp, handler: koppelCommand },
  { command: 'overzicht', scopes: ['personal'], handler: overzichtCommand },
  {
    command: 'bespreeklijst',
    aliases: ['overleg', 'agenda'],
    scopes: ['personal'],
    handler: (d, c) => agendaCommand(d, c),
  },
  { command: 'ronde', aliases: ['meting'], scopes: ['personal'], handler: roundCommand },
  { command: 'demo', scopes: ['personal'], handler: demoCommand },
  { command: 'afwezig', aliases: ['afwezigheid'], scopes: ['personal'], handler: absenceCommand },
  { command: 'overdragen', aliases: ['overdracht'], scopes: ['personal'], handler: (d, c) => handoverCommand(d, c) },
  {
    command: 'instellingen',
    aliases: ['settings'],
    scopes: ['personal'],
    wrongScopeText: ST.personalOnly,
    readOnly: true,
    handler: (d, c) => settingsCommand(d, c),
  },
  { command: 'leerling', scopes: ['personal'], readOnly: true, handler: leerlingCommand },
];

export const VERB_ROUTES: VerbRoute[] = [
  { verb: VERBS.signalSubmit, scopes: PERSONAL, version: 'submissionId', handler: intakeSubmit },
  {
    verb: VERBS.signalClaim,
    scopes: PERSONAL,
    version: 'v',
    handler: (d, c, data) => signalAction(d, c, data, claimParser, CLAIM_SUCCESS),
  },
  { verb: VERBS.signalRefresh, scopes: PERSONAL, readOnly: true, handler: signalRefresh },
  { verb: VERBS.signalScore, scopes: PERSONAL, version: 'v', handler: signalScore },
  { verb: VERBS.signalNote, scopes: PERSONAL, version: 'v', handler: signalNote },
  { verb: VERBS.signalAsk, scopes: PERSONAL, version: 'v', handler: signalAsk },
  { verb: VERBS.signalAnswer, scopes: PERSONAL, version: 'questionId', handler: signalAnswer },
  { verb: VERBS.signalWatch, scopes: PERSONAL, version: 'v', handler: signalWatch },
  { verb: VERBS.signalAftercare, scopes: PERSONAL, version: 'v', handler: signalAftercare },
  { verb: VERBS.signalClose, scopes: PERSONAL, version: 'v', handler: signalClose },
  { verb: VERBS.signalReassign, scopes: PERSONAL, version: 'v', handler: signalReassign },
  { verb: VERBS.signalReopen, scopes: PERSONAL, version: 'v', handler: signalReopen },
  { verb: VERBS.listPage, scopes: PERSONAL, readOnly: true, handler: listPage },
  {
    verb: VERBS.pupilErase,
    scopes: PERSONAL,
    unversioned: 'erases what the store holds once the typed pupil number matches',
    handler: eraseSubmit,
  },
  { verb: VERBS.signalEscalateForm, scopes: PERSONAL, readOnly: true, handler: escalateForm },
  { verb: VERBS.signalEscalate, scopes: PERSONAL, version: 'v', handler: escalateSubmit },
  { verb: VERBS.escalationClaim, scopes: CHANNEL_AND_PERSONAL, version: 'n', handler: escalationClaim },
  { verb: VERBS.escalationDetails, scopes: CHANNEL_AND_PERSONAL, version: 'n', handler: escalationDetails },
  { verb: VERBS.escalationNote, scopes: PERSONAL, version: 'n', handler: escalationNote },
  { verb: VERBS.escalationDeEscalate, scopes: PERSONAL, version: 'n', handler: escalationDeEscalate },
  { verb: VERBS.escalationRefresh, scopes: CHANNEL_AND_PERSONAL, readOnly: true, handler: escalationRefresh },
  {
    verb: VERBS.digestOpenSignal,
    scopes: PERSONAL,
    // also the bespreeklijst's Openen (data.list 'agenda'): the same card, the same checks
    unversioned: 'sends the signal card as it stands now; changes no signal',
    handler: digestOpenSignal,
  },
  { verb: VERBS.roundOpenPage, scopes: PERSONAL, readOnly: true, handler: roundOpenPage },
  { verb: VERBS.roundSavePage, scopes: PERSONAL, version: 'v', handler: roundSavePage },
  { verb: VERBS.schoolSaveSettings, scopes: PERSONAL, version: 'v', handler: settingsSubmit },
  { verb: VERBS.staffSetLeave, scopes: PERSONAL, version: 'v', handler: staffSetLeave },
  {
    verb: VERBS.handoverSubmit,
    scopes: PERSONAL,
    unversioned: 'hands over only what the worker still has, each case pinned to the version it was listed at',
    handler: handoverSubmit,
  },
  {
    verb: VERBS.roundOfferSignal,
    scopes: PERSONAL,
    unversioned: 'checks the stored scores again and raises at most one signal per pupil, round and worker',
    handler: roundOfferSignal,
  },
  { verb: VERBS.storyOpen, scopes: PERSONAL, readOnly: true, handler: storyOpen },
  {
    verb: VERBS.storyOpenSignal,
    scopes: PERSONAL,
    unversioned: 'sends the signal card as it stands now; changes no signal',
    handler: storyOpenSignal,
  },
];

/** Splits '/signaal jan' or 'signaal jan' into command and arguments; mentions already removed. */
export function parseCommand(text: string): { command: string; args: string } {
  const t = text
    .replace(/<at>.*?<\/at>/g, '')
    .replace(/\u00a0/g, ' ')
    .trim();
  const m = /^\/?([\p{L}?]+)\s*([\s\S]*)$/u.exec(t);
  if (!m) return { command: '', args: '' };
  return { command: m[1].toLowerCase(), args: m[2].trim() };
}

export function findCommand(command: string): CommandRoute | undefined {
  return COMMANDS.find((r) => r.command === command || r.aliases?.includes(command));
}
