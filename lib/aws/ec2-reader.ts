/**
 * What the two read-back custom resources share (`TunnelOutsideIps`, `TransitGatewayAttachmentReader`):
 * an inline Lambda that calls one EC2 Describe action, behind a `Provider`, with its own log group
 * and roles, and the retry settings its source is written with. Each reader keeps its own handler
 * source, props and attribute accessor; this adds the same children, with the same ids, to its scope
 * (so logical ids do not depend on which module builds them).
 *
 * Nothing logs the response data: the handler writes no log line, both Lambdas log in JSON at a level
 * that drops `console.log`, and the Provider framework's own Lambda keeps its default level FATAL.
 * AwsSolutions (cdk-nag) is satisfied here rather than in each user's app: one log group with a
 * retention, roles with inline least-privilege policies (no AWS managed policy), and the two
 * wildcards that remain acknowledged with their reason.
 * @internal
 */
import { CfnElement, CustomResource, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';

/** Attempts per EC2 call, throttling included (the SDK default is 3). */
export const EC2_MAX_ATTEMPTS = 8;
/** Waits between reads of something EC2 has not settled yet: 2 s, doubling up to 20 s. */
export const FIRST_RETRY_DELAY_MS = 2000;
export const MAX_RETRY_DELAY_MS = 20000;
/** Time kept for the last read (throttling retries included) before the Lambda's timeout. */
export const RESERVED_FOR_LAST_CALL_MS = 15000;

export interface Ec2ReaderOptions {
  /** The Lambda source (CommonJS, `index.handler`). */
  readonly handlerSource: string;
  /** The handler's timeout: room for its reads with backoff (the Provider framework waits up to 15 minutes). */
  readonly handlerTimeout: Duration;
  readonly handlerDescription: string;
  readonly handlerRoleDescription: string;
  readonly providerRoleDescription: string;
  /** The one EC2 Describe action the handler may call. */
  readonly readStatement: iam.PolicyStatement;
  /** Why that statement's `Resource: "*"` is the narrowest (the AwsSolutions-IAM5 acknowledgment). */
  readonly readWildcardReason: string;
  /** `Custom::…`, shown in the console and the template. */
  readonly resourceType: string;
  /** The custom resource's properties (the handler's input). */
  readonly properties: Record<string, unknown>;
}

export interface Ec2Reader {
  readonly handler: lambda.Function;
  readonly logGroup: logs.LogGroup;
  readonly resource: CustomResource;
}

/** Adds the reader's children to `scope`: Logs, HandlerRole, Handler, ProviderRole, Provider, Resource. */
export function addEc2Reader(scope: Construct, options: Ec2ReaderOptions): Ec2Reader {
  // One log group for both Lambdas, with a retention (Lambda's own group would keep lines forever).
  // It holds error lines of a reader only, of no use once the stack is gone: deleted with it.
  const logGroup = new logs.LogGroup(scope, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
  // Own roles instead of the default ones, which attach the managed AWSLambdaBasicExecutionRole
  // (logs in every group of the account; AwsSolutions-IAM4): each may write to this group only.
  const lambdaRole = (id: string, description: string) => {
    const role = new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });
    logGroup.grantWrite(role);
    return role;
  };

  const handlerRole = lambdaRole('HandlerRole', options.handlerRoleDescription);
  handlerRole.addToPrincipalPolicy(options.readStatement);
  Validations.of(handlerRole).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: options.readWildcardReason });
  const handler = new lambda.Function(scope, 'Handler', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(options.handlerSource),
    timeout: options.handlerTimeout,
    description: options.handlerDescription,
    role: handlerRole,
    logGroup,
    // JSON format makes the level apply: console.log (INFO) is dropped, only errors are kept.
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: lambda.ApplicationLogLevel.ERROR,
    systemLogLevelV2: lambda.SystemLogLevel.WARN,
  });

  const frameworkRole = lambdaRole('ProviderRole', options.providerRoleDescription);
  const provider = new cr.Provider(scope, 'Provider', {
    onEventHandler: handler,
    frameworkOnEventRole: frameworkRole,
    logGroup,
    // Stated although it is the default: the framework would otherwise log the response data.
    frameworkLambdaLoggingLevel: lambda.ApplicationLogLevel.FATAL,
  });
  // aws-cdk-lib's Provider grants lambda:InvokeFunction on the handler and on `<handler ARN>:*`
  // (its versions and aliases); the finding names the handler's logical id.
  const handlerLogicalId = Stack.of(scope).getLogicalId(handler.node.defaultChild as CfnElement);
  Validations.of(frameworkRole).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${handlerLogicalId}.Arn>:*]`,
    reason:
      "Granted by the aws-cdk-lib Provider framework: invoke of this one handler function's versions and aliases (`<ARN>:*`), no other function.",
  });
  const resource = new CustomResource(scope, 'Resource', {
    serviceToken: provider.serviceToken,
    resourceType: options.resourceType,
    properties: options.properties,
  });
  return { handler, logGroup, resource };
}
