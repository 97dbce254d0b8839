import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { reuseConnectorClients } from './reused-connector-clients';

/** teams-ai's adapter, reusing its connector and user-token clients across turns (reused-connector-clients.ts). */
export class WaakvlamAdapter extends TeamsAdapter {
  /** How many clients are kept (for tests). */
  readonly reusedClients: () => number;
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const reused = reuseConnectorClients(this.botFrameworkAuthentication);
    this.reusedClients = () => reused.clients();
  }
}
