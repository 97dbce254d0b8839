import { z } from 'zod';
import { isDateOnly, schoolYearStartOf } from '../../domain/calendar-date';
import { normalizeText } from '../../domain/text';
import { ROLE_LABEL_KEYS } from '../../domain/role-labels';
import { HOLIDAY_REGIONS } from '../../domain/school-holidays-nl';
import { checkRoundWindows, type RoundWindowsRefusal } from '../../domain/round-windows';

/**
 * The school settings file (the format of demo/school.json): what `npm run school:setup` reads
 * and what the `/instellingen` card submits after turning its inputs into the same shape.
 * Every error is Dutch and names the field's path (see settingsFileIssues).
 */

export { HOLIDAY_REGIONS };
export const CHANNEL_POST_DETAILS = ['minimal', 'initialsAndClass'] as const;

/** Weekday names the file accepts (English as in demo/school.json, or Dutch) → 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_NUMBERS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  zondag: 0,
  maandag: 1,
  dinsdag: 2,
  woensdag: 3,
  donderdag: 4,
  vrijdag: 5,
  zaterdag: 6,
};
/** The name the file uses for a weekday number (English, like demo/school.json). */
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const SCHOOL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Markdown's formatting characters and web addresses: the bot puts these texts into cards unescaped. */
const FORMATTING = /[[\]*_`<>#~\\|]|:\/\/|\bwww\./i;
/**
 * A one-line text (school name, region, role word): the user-text rule of domain/text.ts, line
 * breaks as spaces, and no Markdown formatting or web address (it is shown as the bot's own words).
 */
const text = (max: number) =>
  z
    .string()
    .transform((s) => normalizeText(s).replace(/\s*\n\s*/g, ' '))
    .pipe(
      z
        .string()
        .min(1, 'mag niet leeg zijn')
        .max(max, `hooguit ${max} tekens`)
        .refine(
          (s) => !FORMATTING.test(s),
          'geen opmaaktekens ([ ] * _ ` < > # ~ \\ |) en geen webadres: de tekst staat letterlijk op de kaarten',
        ),
    );
const date = z.string().refine(isDateOnly, 'verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-24');
const months = (max: number) =>
  z.number().int('verwacht een geheel aantal maanden').min(1, 'minstens 1 maand').max(max, `hooguit ${max} maanden`);
const schoolDays = z
  .number()
  .int('verwacht een geheel aantal schooldagen')
  .min(1, 'minstens 1 schooldag')
  .max(20, 'hooguit 20 schooldagen');
/** Five school days of 9 working hours: longer is no longer "vandaag nog". */
export const URGENT_WORKING_HOURS_MAX = 45;
const positive = z.number().int('verwacht een geheel getal').min(1, 'minstens 1');

const RoundWindowFileSchema = z.object({
  roundNo: z.number().int('verwacht 1, 2, 3 of 4').min(1, 'verwacht 1, 2, 3 of 4').max(4, 'verwacht 1, 2, 3 of 4'),
  opensOn: date,
  deadline: date,
});

const ROUND_REFUSALS: Record<RoundWindowsRefusal, string> = {
  'round-count': 'verwacht precies vier rondes, met roundNo 1, 2, 3 en 4',
  'invalid-date': 'verwacht bestaande datums als JJJJ-MM-DD',
  'deadline-before-open': 'de deadline ligt vóór de opening (opensOn)',
  'other-school-year': 'alle rondes moeten binnen één schooljaar vallen (1 augustus tot en met 31 juli)',
  'rounds-overlap': 'een ronde opent vóór de deadline van de ronde ervoor',
};

/** One school year's rounds: the key is the year the school year starts in ('2026' = 2026/27). */
const RoundWindowsFileSchema = z
  .record(
    z.string().regex(/^\d{4}$/, 'verwacht het beginjaar van het schooljaar, bijvoorbeeld "2026"'),
    z.array(RoundWindowFileSchema),
  )
  .superRefine((byYear, ctx) => {
    for (const [year, windows] of Object.entries(byYear)) {
      const checked = checkRoundWindows(windows as Parameters<typeof checkRoundWindows>[0]);
      if (!checked.ok) {
        const round = checked.detail?.roundNo ? ` (meting ${checked.detail.roundNo})` : '';
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [year], message: ROUND_REFUSALS[checked.code] + round });
        continue;
      }
      if (schoolYearStartOf(checked.value[0].opensOn) !== Number(year)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [year],
          message: `de rondes vallen niet in schooljaar ${year}/${String(Number(year) + 1).slice(2)} (1 augustus ${year} tot en met 31 juli ${Number(year) + 1})`,
        });
      }
    }
  });

/** roleLabels keys: each bot role, the OT member who takes a case on (familyWorker), and `<key>Plural` for an irregular plural. */
export const ROLE_LABEL_FILE_KEYS: readonly string[] = ROLE_LABEL_KEYS.flatMap((k) => [k, `${k}Plural`]);
const roleLabelShape = Object.fromEntries(ROLE_LABEL_FILE_KEYS.map((k) => [k, text(60).optional()])) as Record<
  string,
  z.ZodOptional<ReturnType<typeof text>>
>;

export const SchoolSettingsFileSchema = z
  .object({
    id: z.string().regex(SCHOOL_ID, 'alleen letters, cijfers, - en _ (hooguit 64 tekens), bijvoorbeeld "het-lyceum"'),
    name: text(120),
    region: text(80),
    tenantId: z
      .string()
      .regex(
        GUID,
        'verwacht de Entra tenant-id van de school (een GUID), bijvoorbeeld f4801c24-a43b-528f-9f61-f21a7d3447a8',
      ),
    holidayRegion: z
      .enum(HOLIDAY_REGIONS, {
        errorMap: () => ({ message: 'verwacht noord, midden of zuid (de regio van de schoolvakanties)' }),
      })
      .optional(),
    closedDays: z.array(date).default([]),
    roundWindows: RoundWindowsFileSchema.default({}),
    digest: z
      .object({
        weekday: z
          .string()
          .refine(
            (d) => d.toLowerCase() in WEEKDAY_NUMBERS,
            'verwacht een weekdag: monday … sunday (of maandag … zondag)',
          )
          .default('monday'),
        time: z.string().regex(TIME, 'verwacht UU:MM, bijvoorbeeld 08:00').default('08:00'),
        schedule: z
          .literal('weekly', { errorMap: () => ({ message: 'alleen "weekly" (wekelijks) wordt ondersteund' }) })
          .optional(),
        timeZone: z
          .literal('Europe/Amsterdam', { errorMap: () => ({ message: 'alleen "Europe/Amsterdam" wordt ondersteund' }) })
          .optional(),
      })
      .strict()
      .default({}),
    retention: z
      .object({
        closedSignalMonths: months(120).default(24),
        roundScoreMonths: months(120).default(24),
        auditMonths: months(240).default(60),
      })
      .strict()
      .default({}),
    limits: z
      .object({
        unclaimedSchoolDays: schoolDays.default(2),
        escalationUnclaimedSchoolDays: schoolDays.default(3),
        /** an urgent signal ("vandaag nog", level 3) unclaimed after this many working hours (08:00–17:00 on school days): the coordinators are told */
        urgentUnclaimedWorkingHours: z
          .number()
          .int('verwacht een geheel aantal werkuren')
          .min(1, 'minstens 1 werkuur')
          .max(URGENT_WORKING_HOURS_MAX, `hooguit ${URGENT_WORKING_HOURS_MAX} werkuren (een schoolweek)`)
          .default(3),
        maxTextLength: positive.optional(),
        maxNotesPerSignal: positive.optional(),
        maxPupils: positive.optional(),
        maxStaff: positive.optional(),
      })
      .strict()
      .default({}),
    attendanceOfficer: z
      .object({ notifyOnAbsence: z.boolean().default(false) })
      .strict()
      .default({}),
    /** The pupil's mentor sees signals about her mentor group in /mijn and hears of each status change. */
    mentorFollowsSignals: z.boolean().default(true),
    channelPostDetail: z
      .enum(CHANNEL_POST_DETAILS, {
        errorMap: () => ({ message: 'verwacht "minimal" (geen namen) of "initialsAndClass" (initialen en klas)' }),
      })
      .default('minimal'),
    roleLabels: z.object(roleLabelShape).strict().default({}),
    // Read by other tools (playground config, demo seed), not stored on the school.
    domain: z.string().optional(),
    team: z
      .object({ name: z.string().optional(), id: z.string().optional(), aadGroupId: z.string().optional() })
      .optional(),
    roster: z.object({ pupils: z.string().optional(), staff: z.string().optional() }).optional(),
    schoolYear: z
      .string()
      .regex(/^\d{4}-\d{4}$/, 'verwacht bijvoorbeeld "2026-2027"')
      .optional(),
  })
  .strict();

export type SchoolSettingsFile = z.infer<typeof SchoolSettingsFileSchema>;
/** The file before defaults (what a person writes, or the card submits). */
export type SchoolSettingsFileInput = z.input<typeof SchoolSettingsFileSchema>;

export interface SettingsIssue {
  /** 'digest.time', 'roundWindows.2026[1].deadline', '' for the file as a whole */
  path: string;
  message: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  boolean: 'true of false',
  object: 'een object { … }',
  array: 'een lijst [ … ]',
  undefined: 'niets',
  null: 'null',
  nan: 'geen getal',
  integer: 'een geheel getal',
};

/** Dutch messages for the issues zod raises itself (types, unknown fields); field rules carry their own. */
const dutchErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: 'ontbreekt' };
      return {
        message: `verwacht ${TYPE_NAMES[issue.expected] ?? issue.expected}, niet ${TYPE_NAMES[issue.received] ?? issue.received}`,
      };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `onbekend veld: ${issue.keys.join(', ')}` };
    default:
      return { message: ctx.defaultError };
  }
};

/** 'roundWindows.2026[1].deadline' */
export const issuePath = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');

/** Unknown fields are reported at the field itself ('roleLabels.familyWorker: onbekend veld'). */
function issuesOf(error: z.ZodError): SettingsIssue[] {
  return error.issues.flatMap((i): SettingsIssue[] => {
    if (i.code === z.ZodIssueCode.unrecognized_keys) {
      const known =
        i.path.length === 1 && i.path[0] === 'roleLabels'
          ? `; kies uit ${ROLE_LABEL_KEYS.join(', ')} (meervoud: <sleutel>Plural)`
          : '';
      return i.keys.map((k) => ({ path: issuePath([...i.path, k]), message: `onbekend veld${known}` }));
    }
    return [{ path: issuePath(i.path), message: i.message }];
  });
}

export type SettingsFileParse = { ok: true; file: SchoolSettingsFile } | { ok: false; issues: SettingsIssue[] };

/** Checks a settings file (already parsed JSON) and returns it with defaults, or every issue in Dutch. */
export function parseSettingsFile(raw: unknown): SettingsFileParse {
  const parsed = SchoolSettingsFileSchema.safeParse(raw, { errorMap: dutchErrorMap });
  return parsed.success ? { ok: true, file: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** 'digest.time: verwacht UU:MM, bijvoorbeeld 08:00' */
export const issueLine = (i: SettingsIssue): string => (i.path ? `${i.path}: ${i.message}` : i.message);
