/** The 1-2-3 round (S7): windows, schedule, scores and progress. Re-exports the parts. */
export * from './round-windows';
export * from './round-schedule';
export * from './round-scores';
