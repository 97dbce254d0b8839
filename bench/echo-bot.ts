/**
 * The baseline: a bare botbuilder echo bot on restify 11, CloudAdapter without authentication
 * (no app id), replying through the Bot Connector stand-in. The floor any bot on this stack pays.
 * Run as a child process by run-bench.ts; listens on PORT and prints one JSON line when ready.
 */
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

const port = Number(process.env.PORT ?? 0);
const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
  }),
);
adapter.onTurnError = async (context: TurnContext) => {
  await context.sendActivity('error').catch(() => undefined);
};

const server = restify.createServer({ name: 'echo' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
  await adapter.process(req, res as never, async (context) => {
    if (context.activity.type === 'message')
      await context.sendActivity(`Echo: ${String(context.activity.text ?? '').slice(0, 200)}`);
  });
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(JSON.stringify({ ready: true, port: address.port }) + '\n');
});
