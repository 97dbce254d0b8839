import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { MAX_CLASS_ID_LENGTH, classIdOf, splitList } from './class-id';
import { cleanName, fullName, splitLastName } from './dutch-names';
import type { PupilField, StaffField } from './roster-columns';
import { parseRoles, unknownRoleMessage } from './role-words';

/**
 * One row of a roster file, checked with zod. Every message is Dutch and names the column as
 * the file spells it ("stamnummer ontbreekt"). Messages never repeat a pupil's name.
 */
export interface PupilRow {
  line: number;
  pupilNumber: string;
  firstName: string;
  lastNamePrefix?: string;
  lastName: string;
  className: string;
  classId: string;
  mentorUpn?: string;
}

export interface StaffRow {
  line: number;
  /** Entra object id when the file has one, else `upn:<upn>`. */
  userId: string;
  entraId?: string;
  upn?: string;
  displayName: string;
  roles: Role[];
  classIds: string[];
}

export const PUPIL_NUMBER = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[^\s@"<>(),;:]+$/;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const upnUserId = (upn: string): string => `upn:${upn}`;

const name = (label: string, max: number) =>
  z
    .string()
    .transform(cleanName)
    .pipe(z.string().min(1, `${label} ontbreekt`).max(max, `${label} is langer dan ${max} tekens`));

const optionalName = (label: string, max: number) =>
  z
    .string()
    .transform(cleanName)
    .pipe(z.string().max(max, `${label} is langer dan ${max} tekens`))
    .transform((s) => (s === '' ? undefined : s));

const optionalEmail = (label: string) =>
  z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .superRefine((s, ctx) => {
      if (s !== '' && !EMAIL.test(s))
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} '${s}' is geen geldig e-mailadres` });
    })
    .transform((s) => (s === '' ? undefined : s));

const className = (label: string) =>
  name(label, MAX_CLASS_ID_LENGTH).superRefine((s, ctx) => {
    if (s !== '' && classIdOf(s) === '')
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label} '${s}' bevat geen letters of cijfers` });
  });

type Labels<F extends string> = Record<F, string>;

/** The schema of a pupils row. `splitPrefix`: the file has no tussenvoegsel column, so split it off the last name. */
export function pupilRowSchema(labels: Labels<PupilField>, splitPrefix: boolean) {
  return z
    .object({
      line: z.number().int().min(1),
      pupilNumber: z
        .string()
        .transform((s) => s.trim())
        .pipe(
          z
            .string()
            .min(1, `${labels.pupilNumber} ontbreekt`)
            .max(32, `${labels.pupilNumber} is langer dan 32 tekens`)
            .refine(
              (s) => s === '' || PUPIL_NUMBER.test(s),
              (s) => ({ message: `${labels.pupilNumber} '${s}' is ongeldig (alleen letters, cijfers, - en _)` }),
            ),
        ),
      firstName: name(labels.firstName, 100),
      lastNamePrefix: optionalName(labels.lastNamePrefix, 30),
      lastName: name(labels.lastName, 100),
      className: className(labels.className),
      mentorUpn: optionalEmail(labels.mentorUpn),
    })
    .transform((r): PupilRow => {
      const last = splitPrefix ? splitLastName(r.lastName) : { lastNamePrefix: r.lastNamePrefix, lastName: r.lastName };
      const row: PupilRow = {
        line: r.line,
        pupilNumber: r.pupilNumber,
        firstName: r.firstName,
        lastName: last.lastName,
        className: r.className,
        classId: classIdOf(r.className),
      };
      if (last.lastNamePrefix) row.lastNamePrefix = last.lastNamePrefix;
      if (r.mentorUpn) row.mentorUpn = r.mentorUpn;
      return row;
    });
}

/** The `naam` column, or voornaam + tussenvoegsel + achternaam when the file has those instead. */
const displayNameOf = (r: {
  displayName: string;
  firstName: string;
  lastNamePrefix: string;
  lastName: string;
}): string =>
  cleanName(r.displayName) || fullName(cleanName(r.firstName), cleanName(r.lastNamePrefix), cleanName(r.lastName));

/**
 * The schema of a staff row. The display name is the `naam` column, or is composed from
 * voornaam / tussenvoegsel / achternaam when the file has those instead.
 */
export function staffRowSchema(labels: Labels<StaffField>) {
  return z
    .object({
      line: z.number().int().min(1),
      displayName: z.string(),
      firstName: z.string(),
      lastNamePrefix: z.string(),
      lastName: z.string(),
      upn: optionalEmail(labels.upn),
      entraId: z
        .string()
        .transform((s) =>
          s
            .trim()
            .replace(/^\{(.*)\}$/, '$1')
            .toLowerCase(),
        )
        .superRefine((s, ctx) => {
          if (s !== '' && !GUID.test(s))
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: `${labels.entraId} '${s}' is geen geldige Entra-id (verwacht een GUID als 0f8fad5b-d9cb-469f-a165-70867728950e)`,
            });
        })
        .transform((s) => (s === '' ? undefined : s)),
      roles: z.string().transform((s, ctx): Role[] => {
        const { roles, unknown } = parseRoles(s);
        for (const word of unknown)
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: unknownRoleMessage(cleanName(word)) });
        if (roles.length === 0 && unknown.length === 0)
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${labels.roles} ontbreekt` });
        return roles;
      }),
      classNames: z.string().transform((s, ctx): string[] => {
        const ids: string[] = [];
        for (const item of splitList(s)) {
          const id = classIdOf(item);
          if (id === '' || id.length > MAX_CLASS_ID_LENGTH)
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              message: `${labels.classNames}: klas '${cleanName(item)}' is ongeldig`,
            });
          else if (!ids.includes(id)) ids.push(id);
        }
        return ids;
      }),
    })
    .superRefine((r, ctx) => {
      const composed = displayNameOf(r);
      if (composed === '') ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${labels.displayName} ontbreekt` });
      else if (composed.length > 200)
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${labels.displayName} is langer dan 200 tekens` });
      if (!r.upn && !r.entraId)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${labels.upn} en ${labels.entraId} ontbreken allebei: een medewerker heeft er minstens één nodig`,
        });
    })
    .transform((r): StaffRow => {
      const row: StaffRow = {
        line: r.line,
        userId: r.entraId ?? upnUserId(r.upn!),
        displayName: displayNameOf(r),
        roles: r.roles,
        classIds: r.classNames,
      };
      if (r.entraId) row.entraId = r.entraId;
      if (r.upn) row.upn = r.upn;
      return row;
    });
}

/** A failed parse as one Dutch reason: every distinct message of the row, in column order. */
export const reasonOf = (error: z.ZodError): string => [...new Set(error.issues.map((i) => i.message))].join('; ');
