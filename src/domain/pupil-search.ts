/** Type-ahead search over a school's roster (S3): a pupil is picked, never typed. */
export interface SearchablePupil {
  id: string;
  firstName: string;
  /** Dutch name particle, e.g. 'van der' */
  lastNamePrefix?: string;
  lastName: string;
  classId: string;
  className: string;
  leftAt?: string;
}

export const SEARCH_LIMIT = 15;
const MAX_QUERY_TOKENS = 8;
const MAX_QUERY_LENGTH = 100;

/** 'Sanne van der Berg' */
export const displayName = (p: SearchablePupil): string =>
  [p.firstName, p.lastNamePrefix, p.lastName]
    .map((s) => (s ?? '').trim())
    .filter((s) => s !== '')
    .join(' ');

/** Lower case without diacritics: 'Özil' → 'ozil', 'Chloë' → 'chloe', 'Łukasz' → 'lukasz'. */
export const foldText = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ĳ/g, 'ij');

const words = (s: string | undefined): string[] =>
  foldText(s ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/** Query tokens: dots vanish so 'v.d.' reads as 'vd'; other separators split. */
const queryTokens = (query: string): string[] =>
  words(query.slice(0, MAX_QUERY_LENGTH).replace(/\./g, '')).slice(0, MAX_QUERY_TOKENS);

export interface Indexed {
  pupil: SearchablePupil;
  first: string[];
  last: string[];
  klass: string[];
  phraseFull: string;
  phraseLast: string;
  sortKey: string;
}

const index = (p: SearchablePupil): Indexed => {
  const prefix = words(p.lastNamePrefix);
  const last = words(p.lastName);
  const extra: string[] = [];
  if (prefix.length > 1) extra.push(prefix.map((w) => w[0]).join('')); // 'van der' → 'vd'
  if (prefix.length > 0) extra.push([...prefix, ...last].join('')); // 'vanderberg'
  return {
    pupil: p,
    first: words(p.firstName),
    last: [...prefix, ...last, ...extra],
    klass: words(p.className),
    phraseFull: [...words(p.firstName), ...prefix, ...last].join(' '),
    phraseLast: [...prefix, ...last].join(' '),
    // Dutch roster order ignores the particle: 'Berg, Sanne van der'.
    sortKey: [last.join(' '), words(p.firstName).join(' '), prefix.join(' '), words(p.className).join(' '), p.id].join(
      '\u0000',
    ),
  };
};

/**
 * How well one token matches: 0 = a whole name word, 1 = the start of a first-name word,
 * 2 = the start of a last-name word, 3 = the start of a class-name word, undefined = not at all.
 * Teachers know pupils by first name first.
 */
const tokenScore = (token: string, x: Indexed): number | undefined => {
  if (x.first.includes(token) || x.last.includes(token)) return 0;
  if (x.first.some((w) => w.startsWith(token))) return 1;
  if (x.last.some((w) => w.startsWith(token))) return 2;
  if (x.klass.some((w) => w.startsWith(token))) return 3;
  return undefined;
};

/** The query read as the start of the full name or of particle + last name ('de v' → 'de Vries'). */
const isPhraseMatch = (tokens: string[], x: Indexed): boolean => {
  const q = tokens.join(' ');
  return [x.phraseFull, x.phraseLast].some((phrase) => phrase.startsWith(q));
};

/** A school's pupils prepared for searching: build once per roster version, search per keystroke. */
export interface PupilIndex {
  readonly entries: readonly Indexed[];
}

/** Folds and splits every name once (the costly part of a search); pupils who left are left out. */
export function indexPupils(pupils: readonly SearchablePupil[]): PupilIndex {
  const entries: Indexed[] = [];
  for (const p of pupils) if (p.leftAt === undefined) entries.push(index(p));
  return { entries };
}

/**
 * Pupils who have not left and for whom every query token starts a word of the first name, the
 * particle + last name, or the class name; case and diacritics do not matter ('jan 2b',
 * 'vd berg', 'de v', 'ozil'). Best match first (the query as the start of the name, then whole
 * words, first names, last names, classes), then by last name, first name, particle, class
 * and id. An empty query finds nobody.
 */
export function searchPupils(
  pupils: readonly SearchablePupil[],
  query: string,
  limit = SEARCH_LIMIT,
): SearchablePupil[] {
  return searchIndexed([indexPupils(pupils)], query, limit);
}

/** `searchPupils` over prepared indexes (one per school), ranked together. */
export function searchIndexed(indexes: readonly PupilIndex[], query: string, limit = SEARCH_LIMIT): SearchablePupil[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0 || limit <= 0) return [];
  const hits: Array<{ x: Indexed; phrase: number; score: number }> = [];
  for (const { entries } of indexes) {
    for (const x of entries) {
      let score = 0;
      for (const t of tokens) {
        const s = tokenScore(t, x);
        if (s === undefined) {
          score = -1;
          break;
        }
        score += s;
      }
      if (score >= 0) hits.push({ x, phrase: isPhraseMatch(tokens, x) ? 0 : 1, score });
    }
  }
  hits.sort(
    (a, b) =>
      a.phrase - b.phrase || a.score - b.score || (a.x.sortKey < b.x.sortKey ? -1 : a.x.sortKey > b.x.sortKey ? 1 : 0),
  );
  return hits.slice(0, limit).map((h) => h.x.pupil);
}
