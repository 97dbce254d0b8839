import { DefaultAzureCredential } from '@azure/identity';
import { openCosmos, type CosmosStore, type TokenCredential } from '../src/store/cosmos';
import { findLocalStore, localStoreFile, type LocalStoreLookup } from '../src/store/local-store-file';

/**
 * Which database a command line tool (`roster:import`, `school:setup`) writes to:
 * --endpoint/--key/--database, else COSMOS_ENDPOINT/COSMOS_KEY/COSMOS_DATABASE, else the
 * embedded store of the local bot that runs now (it publishes its loopback endpoint), else none.
 * An Azure endpoint without a key: the operator's Entra ID sign-in (signInOf).
 */
export interface StoreTarget {
  endpoint?: string;
  key?: string;
  database: string;
  /** no endpoint given: the running local bot's embedded store, or why there is none */
  local?: LocalStoreLookup;
}

/** The parseArgs options every such tool accepts. */
export const STORE_OPTIONS = {
  endpoint: { type: 'string' },
  key: { type: 'string' },
  database: { type: 'string' },
} as const;

/** The target from the parsed options and the environment; a bad endpoint throws `bad(message)`. */
export function storeTarget(
  v: { endpoint?: string; key?: string; database?: string },
  env: NodeJS.ProcessEnv,
  bad: (message: string) => Error,
): StoreTarget {
  let endpoint = v.endpoint ?? (env.COSMOS_ENDPOINT || undefined);
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw bad(`--endpoint '${endpoint}' is geen URL`);
  const local = endpoint ? undefined : findLocalStore(localStoreFile(env));
  if (local?.found) endpoint = local.info.endpoint;
  return {
    endpoint,
    local,
    key: v.key ?? (local?.found ? local.info.key : env.COSMOS_KEY || undefined),
    database: v.database ?? (local?.found ? local.info.database : env.COSMOS_DATABASE || 'waakvlam'),
  };
}

/** A loopback endpoint (the Cosmos emulator, the local bot's store) may use a self-signed certificate. */
const isLoopback = (endpoint: string) => /^https:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(endpoint);

/**
 * How a tool signs in: the key when one is given (or the local store's), else, against Azure
 * without a key (the deployment switched key auth off), the operator's own Entra ID sign-in
 * (`az login`; DefaultAzureCredential), which needs the data role on the database
 * (infra/main.bicep parameter operatorPrincipalIds). That way it checks the layout, never creates it.
 */
export function signInOf(t: StoreTarget & { endpoint: string }): { key?: string; credential?: TokenCredential } {
  if (t.key || isLoopback(t.endpoint)) return { key: t.key };
  return { credential: new DefaultAzureCredential() };
}

export const openTarget = (t: StoreTarget & { endpoint: string }): Promise<CosmosStore> =>
  openCosmos({ endpoint: t.endpoint, ...signInOf(t), databaseId: t.database, selfSigned: isLoopback(t.endpoint) });

/** Why nothing was written: no database given, or the local bot that had one has stopped. */
export function noDatabaseLine(t: StoreTarget, checked: string): string {
  return t.local?.found === false && t.local.reason === 'bot-stopped'
    ? `Geen database: de lokale bot die hier draaide is gestopt, en zijn ingebouwde database met hem. ${checked[0].toUpperCase()}${checked.slice(1)}`
    : `Geen database opgegeven (--endpoint of COSMOS_ENDPOINT) en er draait geen lokale bot: ${checked}`;
}

/** Runs a tool's `main` when the file is started as a script; an unexpected error exits 1 with `failed: …`. */
export function runAsScript(module: NodeJS.Module, main: (argv: string[]) => Promise<number>, failed: string): void {
  if (require.main !== module) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${failed}: ${(err as Error).message ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
