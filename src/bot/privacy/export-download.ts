import type restify from 'restify';
import { downloadPupilExport } from '../../app/privacy/pupil-export';
import type { BotDeps } from '../core/bot-deps';
import { refusalText } from '../core/refusal-texts';
import { pupilExportMarkdown } from './pupil-export-markdown';

/**
 * GET /export/<token>: the inzage file. The token is one-time, valid 10 minutes and bound to the
 * coordinator who asked (the download is audited in their name); the export is rendered from
 * current state, so nothing about the pupil is stored for the link.
 */
export function registerExportDownload(server: restify.Server, deps: BotDeps): void {
  server.get('/export/:token', async (req: restify.Request, res: restify.Response) => {
    const headers = {
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    const token = String((req.params as { token?: unknown })?.token ?? '');
    const outcome = deps.privacy
      ? await downloadPupilExport(deps.ports, deps.privacy, token)
      : { ok: false as const, code: 'export-link-invalid' as const };
    if (!outcome.ok) {
      res.writeHead(410, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
      res.end(refusalText('export-link-invalid'));
      return;
    }
    const body = pupilExportMarkdown(outcome.export);
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': 'attachment; filename="inzage-waakvlam.md"',
    });
    res.end(body);
  });
}
