import { REFUSAL_CODES, isRefusalCode, refusalCodeOf, type RefusalCode } from '../../src/domain/refusal-codes';
import { DEFAULT_ROLE_NAMES, roleNamesOf } from '../../src/domain/role-labels';
import { REFUSAL_TEXTS, refusalFallback, refusalText, refusalTexts } from '../../src/bot/core/refusal-texts';

/** Codes that deliberately read the same (none today): list a group here with the reason. */
const INTENDED_SHARED_TEXTS: RefusalCode[][] = [];

const DUTCH = /(?<![\p{L}-])(je|jouw|de|het|een|niet|van|voor|dit|deze|kies|vul|geen|al|is)(?![\p{L}-])/iu;
const SCHOOL_NAMES = roleNamesOf({
  roleLabels: { preventionWorker: 'jeugd- en gezinscoach', coordinator: 'intern begeleider' },
});

describe('the refusal catalogue', () => {
  it('gives every refusal code one non-empty Dutch sentence, and nothing else', () => {
    expect(Object.keys(REFUSAL_TEXTS).sort()).toEqual([...REFUSAL_CODES].sort());
    for (const code of REFUSAL_CODES) {
      const text = REFUSAL_TEXTS[code];
      expect({ code, ok: text.trim().length > 10 && DUTCH.test(text) && /[.?]$/.test(text.trim()) }).toEqual({
        code,
        ok: true,
      });
      expect(text).not.toMatch(/undefined|\$\{/);
    }
  });

  it('lists every code once', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
  });

  it('has no two codes sharing a text unless listed as intended', () => {
    const byText = new Map<string, RefusalCode[]>();
    for (const code of REFUSAL_CODES)
      byText.set(REFUSAL_TEXTS[code], [...(byText.get(REFUSAL_TEXTS[code]) ?? []), code]);
    const shared = [...byText.values()].filter((codes) => codes.length > 1).map((codes) => codes.sort());
    expect(shared).toEqual(INTENDED_SHARED_TEXTS.map((codes) => [...codes].sort()));
  });

  it('tells a signal taken by a colleague from an OT request taken by a colleague', () => {
    expect(refusalText('already-claimed')).toContain('signaal');
    expect(refusalText('escalation-already-claimed')).toContain('verzoek');
    expect(refusalText('escalation-already-claimed')).not.toBe(refusalText('already-claimed'));
    expect(refusalText('pupil-number-unknown')).toContain('leerlingnummer');
    expect(refusalText('pupil-unknown')).not.toBe(refusalText('pupil-number-unknown'));
  });

  it("names roles in the school's own words, where a text names a role", () => {
    expect(refusalText('not-owner', SCHOOL_NAMES)).toContain('jeugd- en gezinscoach');
    expect(refusalText('not-owner', SCHOOL_NAMES)).not.toContain('preventiewerker');
    expect(refusalText('round-role', SCHOOL_NAMES)).toContain('intern begeleiders');
    expect(refusalText('not-coordinator', SCHOOL_NAMES)).toContain('intern begeleider');
    expect(refusalText('not-owner')).toContain('preventiewerker');
    expect(refusalTexts(DEFAULT_ROLE_NAMES)).toEqual(REFUSAL_TEXTS);
  });

  it('answers an unknown code read back from the store with the one fallback, never undefined', () => {
    const stored = JSON.parse('{"code":"code-from-an-older-version"}') as { code: RefusalCode };
    expect(isRefusalCode(stored.code)).toBe(false);
    expect(refusalText(stored.code)).toBe(refusalFallback());
    expect(refusalText(stored.code)).toContain('zorgcoördinator');
    expect(refusalText(stored.code, SCHOOL_NAMES)).toBe(refusalFallback(SCHOOL_NAMES));
    expect(refusalFallback(SCHOOL_NAMES)).toContain('intern begeleider');
    expect(Object.values(REFUSAL_TEXTS)).not.toContain(refusalFallback());
  });

  it('reads a code carried as a plain string (a zod message) as itself when known, else as invalid input', () => {
    expect(refusalCodeOf('note-empty')).toBe('note-empty');
    expect(refusalCodeOf('Required')).toBe('invalid-input');
    expect(refusalCodeOf(undefined)).toBe('invalid-input');
  });
});
