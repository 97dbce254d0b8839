import type { DigestPorts } from '../app/digest/digest-ports';
import { roundFiguresFrom } from '../app/digest/round-figures';
import type { Repositories } from '../store';
import { DigestRepository } from '../store/digest-repository';

/** The digest's ports over the store: its own repository and the round figures of the rounds' store. */
export function digestPorts(repos: Repositories): DigestPorts {
  return {
    store: new DigestRepository(repos.cases, repos.signals, repos.directory),
    rounds: roundFiguresFrom(repos.rounds, repos.directory),
  };
}
