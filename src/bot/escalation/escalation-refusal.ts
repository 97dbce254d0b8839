import type { RoleNames } from '../../domain/role-labels';
import type { RefusalCode } from '../../domain/refusal-codes';
import { refusalText } from '../core/refusal-texts';

/**
 * A refusal on an escalation card or form. The lifecycle's generic 'invalid-transition' reads to
 * the OT as "this request is already handled" (a code of its own in the catalogue).
 */
export const escalationRefusal = (code: RefusalCode, n?: RoleNames): string =>
  refusalText(code === 'invalid-transition' ? 'escalation-handled' : code, n);
