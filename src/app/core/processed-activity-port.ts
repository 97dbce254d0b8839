/** Where "this activity was handled" markers are kept (the `cases` container, with a TTL); `ProcessedActivityRepository` implements it. */
export interface ProcessedActivityPort {
  /** true for exactly one caller per key; false when the marker already exists (a 409). */
  markProcessed(schoolId: string, key: string, now: Date): Promise<boolean>;
}
