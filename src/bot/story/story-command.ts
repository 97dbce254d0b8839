import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { z } from 'zod';
import type { Person } from '../../app/core/actors';
import { auditPupilsShown } from '../../app/privacy/audit-pupil-reads';
import { viewSignal } from '../../app/signals/act-on-signal';
import { pupilStory, refuseStory, storySchools } from '../../app/story/pupil-story';
import type { BotDeps } from '../core/bot-deps';
import { correlationIdOf } from '../core/correlation';
import { noticeCard } from '../core/notice-card';
import { refusalText } from '../core/refusal-texts';
import type { CardJson } from '../core/render-card';
import { roleNamesAt, roleNamesFor } from '../core/role-names';
import { T } from '../core/texts';
import { personOf } from '../core/turn';
import { drawSignalCard } from '../signals/signal-card-context';
import { SCHOOL_ID } from '../signals/school-board';
import { findPupils } from '../signals/signal-intake';
import { pupilChoiceCard, pupilStoryCard } from './story-view';
import { PS } from './story-texts';

const attach = (card: CardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(card));
/** Pupils on the choice card at most (a narrower query finds the one). */
const CHOICES_MAX = 10;

/** The person at the schools where they may read pupils' stories only: the search runs there, nowhere else. */
const asStoryReader = (person: Person): Person => {
  const schools = new Set(storySchools(person).map((a) => a.schoolId));
  return {
    ...person,
    staff: person.staff.filter((s) => schools.has(s.schoolId)),
    actors: person.actors.filter((a) => schools.has(a.schoolId)),
  };
};

async function schoolNamesOf(deps: BotDeps, person: Person): Promise<Map<string, string>> {
  const schools = await Promise.all(person.actors.map((a) => deps.ports.directory.schoolSettings(a.schoolId)));
  return new Map(person.actors.map((a, i) => [a.schoolId, schools[i]?.name ?? a.schoolId]));
}

/** The story card of one pupil, or the Dutch refusal; the read is audited by pupilStory. */
async function storyAnswer(
  deps: BotDeps,
  context: TurnContext,
  person: Person,
  schoolId: string,
  pupilId: string,
  message?: string,
): Promise<CardJson> {
  const story = await pupilStory(deps.ports, deps.rounds, person, schoolId, pupilId, correlationIdOf(context));
  const names = await roleNamesAt(deps, schoolId);
  if (!story.ok) return noticeCard(refusalText(story.code, names));
  const readers = asStoryReader(person);
  const schoolNames = await schoolNamesOf(deps, readers);
  return pupilStoryCard({
    viewer: story.viewer,
    pupil: story.pupil,
    signals: story.signals,
    rounds: story.rounds,
    staff: await deps.ports.directory.listStaff(schoolId),
    names,
    schoolName: schoolNames.size > 1 ? schoolNames.get(schoolId) : undefined,
    message,
  });
}

/**
 * `/leerling <naam>` (issue 16): prevention workers, coordinators and OT members find a pupil of
 * their own school(s) by name and see one card with the pupil's whole story. Several matches give
 * a choice card, none a Dutch message; anyone else is refused, and the attempt is audited.
 */
export async function leerlingCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const person = await personOf(deps, context);
  if (person.actors.length === 0) return void (await context.sendActivity(T.notAStaffMember));
  const readers = asStoryReader(person);
  if (readers.actors.length === 0) {
    await refuseStory(deps.ports, person, person.actors[0].schoolId, undefined, correlationIdOf(context));
    return void (await context.sendActivity(refusalText('story-not-allowed', await roleNamesFor(deps, person))));
  }
  const query = args.trim().slice(0, 100);
  if (!query) return void (await context.sendActivity(PS.usage));
  const pupils = await findPupils(deps, readers, query, CHOICES_MAX);
  if (pupils.length === 0) return void (await context.sendActivity(refusalText('pupil-not-found')));
  if (pupils.length === 1) {
    const [p] = pupils;
    return void (await context.sendActivity(attach(await storyAnswer(deps, context, readers, p.schoolId, p.id))));
  }
  await auditPupilsShown(deps.ports, readers, pupils, 'pupil.search', correlationIdOf(context));
  await context.sendActivity(attach(pupilChoiceCard(query, pupils, await schoolNamesOf(deps, readers))));
}

const PupilRefSchema = z.object({
  schoolId: z.string().regex(SCHOOL_ID),
  pupilId: z.string().regex(/^pupil:[A-Za-z0-9_-]{1,64}$/),
});

/** story.open: the choice card's button; the rights are checked again (the card may be forged). */
export async function storyOpen(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = PupilRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  return storyAnswer(deps, context, person, ref.data.schoolId, ref.data.pupilId);
}

const OpenSignalSchema = PupilRefSchema.extend({ signalId: z.string().regex(/^signal:[A-Za-z0-9-]{1,64}$/) });

/**
 * story.openSignal: the signal card behind a row of the story, sent as its own message (as the
 * digest's Open does); viewSignal checks and audits the read. The story card stays in place.
 */
export async function storyOpenSignal(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = OpenSignalSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  const viewer = storySchools(person).find((a) => a.schoolId === ref.data.schoolId);
  if (!viewer) {
    await refuseStory(deps.ports, person, ref.data.schoolId, ref.data.pupilId, correlationIdOf(context));
    return noticeCard(refusalText('forged'));
  }
  const view = await viewSignal(deps.ports, person, ref.data.schoolId, ref.data.signalId, correlationIdOf(context));
  if (!view.ok) return noticeCard(refusalText(view.code));
  if (view.signal.pupilId !== ref.data.pupilId) return noticeCard(refusalText('invalid-card'));
  await context.sendActivity(attach(await drawSignalCard(deps, viewer, view.signal)));
  return storyAnswer(deps, context, person, ref.data.schoolId, ref.data.pupilId, PS.signalCardSent);
}
