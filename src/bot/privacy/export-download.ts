import type restify from 'restify';
import { meetingAgendaOfGrant } from '../../app/meeting/meeting-agenda';
import { pupilExportOfGrant, redeemDownload } from '../../app/privacy/pupil-export';
import type { BotDeps } from '../core/bot-deps';
import { refusalText } from '../core/refusal-texts';
import { agendaPortsOf } from '../meeting/agenda-command';
import { agendaPdf } from '../meeting/agenda-pdf';
import { MT } from '../meeting/meeting-texts';
import { pupilExportPdf } from './pupil-export-pdf';
import { IT } from './pupil-export-texts';

type Document = { body: Buffer; file: string } | { refused: string };

/** What a redeemed link stands for, rendered from current state as a PDF (nothing about a pupil is stored for the link). */
async function documentOf(deps: BotDeps, token: string): Promise<Document> {
  if (!deps.privacy) return { refused: refusalText('export-link-invalid') };
  const redeemed = await redeemDownload(deps.ports, deps.privacy, token);
  if (!redeemed.ok) return { refused: refusalText('export-link-invalid') };
  const grant = redeemed.grant;
  if (grant.kind === 'meetingAgenda') {
    const out = deps.digest ? await meetingAgendaOfGrant(deps.ports, agendaPortsOf(deps), grant) : undefined;
    return out?.ok
      ? { body: await agendaPdf(out.agenda), file: MT.pdfFile }
      : { refused: refusalText('agenda-not-allowed') };
  }
  const out = await pupilExportOfGrant(deps.ports, deps.privacy, grant);
  return out.ok
    ? { body: await pupilExportPdf(out.export), file: IT.file }
    : { refused: refusalText('export-link-invalid') };
}

/**
 * GET /export/<token>: a one-time download (10 minutes, bound to the person who asked; the
 * download is audited in their name): the inzage export of a pupil (a coordinator) or the
 * bespreeklijst of a school (a prevention worker or coordinator), as a PDF.
 */
export function registerExportDownload(server: restify.Server, deps: BotDeps): void {
  server.get('/export/:token', async (req: restify.Request, res: restify.Response) => {
    const headers = {
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    const token = String((req.params as { token?: unknown })?.token ?? '');
    const doc = await documentOf(deps, token);
    if ('refused' in doc) {
      res.writeHead(410, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end(doc.refused);
      return;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': 'application/pdf',
      'content-length': String(doc.body.length),
      'content-disposition': `attachment; filename="${doc.file}"`,
    });
    res.end(doc.body);
  });
}
