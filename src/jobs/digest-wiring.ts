import { NO_ROUND_DATA, type DigestPorts } from '../app/digest/digest-ports';
import { roundFiguresFrom } from '../app/digest/round-figures';
import type { Repositories } from '../store';
import { DigestRepository } from '../store/digest-repository';

/**
 * The digest's ports over the store. Round figures come from the rounds capability's store
 * when it is there; without it the digest says there is no round data.
 */
export function digestPorts(repos: Repositories): DigestPorts {
  const rounds = (repos as Partial<Repositories>).rounds;
  return {
    store: new DigestRepository(repos.cases, repos.signals, repos.directory),
    rounds: rounds ? roundFiguresFrom(rounds, repos.directory) : NO_ROUND_DATA,
  };
}
