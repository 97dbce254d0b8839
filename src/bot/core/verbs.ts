/**
 * Action.Execute verbs and search datasets: the one list shared by card templates and routes.
 * A test checks that every verb used in `cards/` appears here and has a route.
 */
export const VERBS = {
  signalSubmit: 'signal.submit',
  signalClaim: 'signal.claim',
  signalRefresh: 'signal.refresh',
  signalScore: 'signal.score',
  signalNote: 'signal.note',
  signalAsk: 'signal.ask',
  signalAnswer: 'signal.answer',
  signalEscalateForm: 'signal.escalateForm',
  signalEscalate: 'signal.escalate',
  signalWatch: 'signal.watch',
  signalAftercare: 'signal.aftercare',
  signalClose: 'signal.close',
  signalReassign: 'signal.reassign',
  signalReopen: 'signal.reopen',
  signalShowActions: 'signal.showActions',
  escalationClaim: 'escalation.claim',
  escalationDetails: 'escalation.details',
  escalationNote: 'escalation.note',
  escalationDeEscalate: 'escalation.deEscalate',
  escalationRefresh: 'escalation.refresh',
  roundSavePage: 'round.savePage',
  roundOpenPage: 'round.openPage',
  roundOfferSignal: 'round.offerSignal',
  listPage: 'list.page',
  digestOpenSignal: 'digest.openSignal',
  storyOpen: 'story.open',
  storyOpenSignal: 'story.openSignal',
  pupilErase: 'pupil.erase',
  schoolSaveSettings: 'school.saveSettings',
  staffSetLeave: 'staff.setLeave',
  handoverSubmit: 'handover.submit',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

export const DATASETS = { pupils: 'pupils' } as const;
