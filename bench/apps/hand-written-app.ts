/**
 * The hand-written comparator as a CDK app, for bench/cdk-synth.ts: the example's template in L1
 * resources (bench/hand-written-stack.ts) under cdk-nag's AwsSolutions checks only, what a team
 * without the library would run. It acknowledges the three AwsSolutions findings that the
 * construct acknowledges on its own resources (with reasons), so that both synthesize to the end.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { handWrittenStack } from '../hand-written-stack';

const ACKNOWLEDGED = [
  'AwsSolutions-SMG4',
  'AwsSolutions-IAM5[Resource::*]',
  'AwsSolutions-IAM5[Resource::<AzureVpnTunnelOutsideIpsHandler2F26638E.Arn>:*]',
];

const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
// The example stack's description (bin/example-stack.ts), so that the two templates are equal.
const stack = handWrittenStack(app, { description: 'multicloud-vpn: AWS half of plan aws-azure-vpn (BGP active/active VPN to Azure)' });
for (const id of ACKNOWLEDGED) Validations.of(stack).acknowledge({ id, reason: 'benchmark: finding reviewed, so that synthesis completes' });
