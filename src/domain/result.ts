/** Business outcomes are returned, not thrown: either a value or a refusal with a stable code. */
export type Ok<T> = { ok: true; value: T };
export type Refusal<C extends string = string> = { ok: false; code: C; detail?: Record<string, string | number> };
export type Result<T, C extends string = string> = Ok<T> | Refusal<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export const refuse = <C extends string>(code: C, detail?: Record<string, string | number>): Refusal<C> =>
  detail === undefined ? { ok: false, code } : { ok: false, code, detail };
