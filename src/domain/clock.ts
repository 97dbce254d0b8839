/** Time enters the domain only through this port (or a `now: Date` argument). */
export interface Clock {
  now(): Date;
}

/** A clock that always answers the same instant; for tests and replays. */
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at).getTime();
  return { now: () => new Date(instant) };
};
