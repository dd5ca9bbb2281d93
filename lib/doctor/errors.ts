/**
 * Turning an SDK error into an `Unreadable` line: the service's error code and one line of its
 * message, plus the permission or credential to grant. Never the request or the response body.
 */
import type { Unreadable } from './state';

const MAX_REASON = 200;

/** First line of a message, shortened; SDK messages are one sentence, bodies are never passed here. */
export function oneLine(text: unknown): string {
  const line = String(text ?? '').split('\n')[0].trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

const AWS_CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'TokenRefreshRequired',
]);
const AWS_DENIED = new Set(['UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'TooManyRequestsException']);

export const AWS_CREDENTIALS_HINT =
  'AWS credentials from the default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, or an instance/task role) and a region (--region or AWS_REGION)';
export const AZURE_CREDENTIALS_HINT =
  'Azure credentials for DefaultAzureCredential (AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, workload or managed identity, or `az login`)';

/** True when no later AWS call can succeed either (no or bad credentials). */
export function isAwsCredentialError(error: unknown): boolean {
  const name = (error as { name?: string; })?.name ?? '';
  return AWS_CREDENTIAL_ERRORS.has(name);
}

export function awsUnreadable(what: string, action: string, error: unknown): Unreadable {
  const e = error as { name?: string; Code?: string; message?: string; };
  const code = e?.name ?? e?.Code ?? 'Error';
  const needs = isAwsCredentialError(error) ?
    AWS_CREDENTIALS_HINT
    : AWS_DENIED.has(code) ?
    `IAM permission ${action}`
    : THROTTLED.has(code) ?
    `a retry later (throttled after the SDK's own retries); ${action} is the call`
    : undefined;
  return { cloud: 'aws', what, code, reason: oneLine(e?.message ?? code), ...(needs ? { needs } : {}) };
}

/** True when no later Azure call can succeed either. */
export function isAzureCredentialError(error: unknown): boolean {
  const name = (error as { name?: string; })?.name ?? '';
  return name === 'CredentialUnavailableError' || name === 'AuthenticationError' || name === 'AggregateAuthenticationError';
}

export function azureUnreadable(what: string, permission: string, error: unknown): Unreadable {
  const e = error as { name?: string; code?: string; statusCode?: number; message?: string; };
  const code = e?.code ?? (e?.statusCode !== undefined ? `HTTP ${e.statusCode}` : e?.name ?? 'Error');
  const needs = isAzureCredentialError(error) ?
    AZURE_CREDENTIALS_HINT
    : e?.statusCode === 403 || code === 'AuthorizationFailed' ?
    `Azure permission ${permission}`
    : e?.statusCode === 429 ?
    `a retry later (throttled after the SDK's own retries); ${permission} is the call`
    : e?.statusCode === 404 ?
    `the resource to exist under that name (check the plan's azure.resourceGroupName/gatewayName and the peer outputs file)`
    : undefined;
  return { cloud: 'azure', what, code, reason: oneLine(e?.message ?? code), ...(needs ? { needs } : {}) };
}
