import { SchoolDocSchema } from '../../src/store/schemas/directory-docs';
import { TENANT, type TestBot } from './test-bot';

/**
 * A school of `tenantId` (default: the tests' tenant) with default settings. Roles hold only at a
 * school whose tenant is the activity's (issue 19): staff put at a school must have it.
 */
export async function addSchool(tb: TestBot, schoolId: string, tenantId = TENANT): Promise<void> {
  await tb.repos.directory.saveSchool(
    SchoolDocSchema.parse({
      id: 'school',
      type: 'school',
      schoolId,
      name: `School ${schoolId}`,
      region: 'Test-regio',
      tenantId,
    }),
  );
}
