/** Time enters the domain only through this port (or a `now: Date` argument). */
export interface Clock {
  now(): Date;
}

/** A clock that always answers the same instant; for tests and replays. */
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at).getTime();
  return { now: () => new Date(instant) };
};

/** A clock that runs with `base` plus an offset that only moves forward (the demo's `/demo tijd`). */
export interface ShiftableClock extends Clock {
  /** moves the clock forward by `ms` (negative or non-finite values are ignored); answers the new now */
  shift(ms: number): Date;
  /** how far ahead of `base` the clock runs, in ms */
  offsetMs(): number;
}

export const shiftableClock = (base: Clock): ShiftableClock => {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    shift(ms: number) {
      if (Number.isFinite(ms) && ms > 0) offset += ms;
      return new Date(base.now().getTime() + offset);
    },
    offsetMs: () => offset,
  };
};
