import type { PersonalDigest } from '../../app/digest/digest-on-demand';
import type { RegionDigest } from '../../domain/region-digest';
import type { RoleNames } from '../../domain/role-labels';
import { renderCard, type CardJson } from '../core/render-card';
import { pupilName } from '../core/pupil-label';
import { DT } from './digest-texts';
import { digestCardData, namedDetail, namesCardData, regionCardData, type DigestViewInput } from './digest-view';
import { literal } from '../core/literal-text';

/** The channel digest: counts and references only (cards/digest-channel.json). */
export const channelDigestCard = (v: DigestViewInput): CardJson => renderCard('digest-channel', digestCardData(v));

type Body = Array<{ id?: string } & Record<string, unknown>>;

/**
 * `/overzicht` in personal chat: the channel digest's figures with the names section of
 * cards/digest-personal.json around them — its header first, the names last — so the figures
 * live in one template. The channel's own title and flagged references give way to the named rows.
 */
export function personalDigestCard(p: PersonalDigest, roleNames?: RoleNames): CardJson {
  const figures = renderCard('digest-channel', {
    ...digestCardData({
      schoolName: p.school.name,
      since: p.since,
      until: p.until,
      slotsCovered: 1,
      late: false,
      digest: p.digest,
      workerNames: p.workerNames,
      names: roleNames,
    }),
    hasFlagged: false,
    hasFlaggedMore: false,
  });
  const rows = p.named.map((n) => ({
    reference: n.item.reference,
    name: n.pupil ? `${pupilName(n.pupil)} (${literal(n.pupil.className)})` : DT.unknownPupil,
    detail: namedDetail(n.item),
    signalId: n.item.signalId,
    schoolId: p.school.schoolId,
  }));
  const names = renderCard('digest-personal', namesCardData(p.school.name, rows, p.moreFlagged));
  const namesBody = names.body as Body;
  return {
    ...names,
    body: [
      namesBody.find((e) => e.id === 'names-header'),
      ...(figures.body as Body).filter((e) => e.id !== 'digest-title'),
      namesBody.find((e) => e.id === 'names'),
    ].filter(Boolean),
  };
}

export const regionDigestCard = (region: string, digest: RegionDigest): CardJson =>
  renderCard('digest-region', regionCardData(region, digest));
