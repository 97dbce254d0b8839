import { CallerIdConstants } from 'botbuilder';

/** botframework-connector's public-cloud AuthenticationConstants (that package is not a direct dependency). */
const PUBLIC_CLOUD = {
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  OAuthUrl: 'https://api.botframework.com',
} as const;

/**
 * The Bot Framework authentication settings handed to the adapter.
 *
 * botbuilder treats *any* explicit endpoint setting (such as `BotOpenIdMetadata`) as "the whole
 * set is given": the issuer, login URL, OAuth scope and caller id it does not get are left
 * undefined, which makes every inbound token fail the issuer check and every outbound call fail.
 * So when the OpenID metadata URL is overridden (tests of token validation against a local key
 * server), the other public-cloud values are passed explicitly, unchanged.
 */
export function botAuthSettings(openIdMetadataUrl: string | undefined): Record<string, string | boolean> {
  if (!openIdMetadataUrl) return {};
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ...PUBLIC_CLOUD,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ValidateAuthority: true,
  };
}

/** The bot's own Bot Framework credential, as the environment gives it (src/config.ts checked it). */
export interface BotCredential {
  appId: string;
  password: string;
  type: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string;
}

/**
 * The credential settings botbuilder reads (ConfigurationServiceClientCredentialFactory and the
 * adapter). `UserAssignedMSI`: the app id is the client id of a user-assigned managed identity of
 * the Web App; botbuilder gets its tokens from that identity and there is no secret. Without an app
 * id botbuilder runs unauthenticated (local use only; production refuses to start).
 */
export function botCredentialSettings(c: BotCredential): Record<string, string> {
  if (!c.appId) return { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' };
  return {
    MicrosoftAppId: c.appId,
    MicrosoftAppPassword: c.type === 'UserAssignedMSI' ? '' : c.password,
    MicrosoftAppType: c.type,
    MicrosoftAppTenantId: c.tenantId,
  };
}
