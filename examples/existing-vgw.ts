/**
 * Example: a VPC that already has a virtual private gateway, owned by another stack or team.
 *
 * A VPC holds one VGW (C19), so the construct must use it: pass `vpnGatewayId`. Its Amazon side
 * ASN cannot be changed (C08) and must equal `plan.aws.asn` (C11), so the plan states it. The
 * network stack that owns the gateway already propagates its routes to the VPC's route tables:
 * `enableRoutePropagation: false` keeps this stack from managing the same propagation, whose
 * deletion would otherwise disable it for both stacks. If nobody propagates yet, leave it at its
 * default (true) and give `routePropagationSubnets`.
 *
 *   npx cdk synth --app "node --require ./scripts/register-ts.js examples/existing-vgw.ts" -c azureOutputs=samples/azure-outputs.json
 *
 * In your project, import from the package instead of `../lib/...`; `ec2.Vpc.fromLookup` (with an
 * account and region) can replace `fromVpcAttributes`.
 */
import { App, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../lib/aws-entry';
import { VpnRulesAspect } from '../lib/enforcement';
import { readAzureOutputs } from '../lib/handoff/azure-outputs';
import { planVpn } from '../lib/check/validate';

export interface ExistingVgwStackProps extends StackProps {
  /** The Azure gateway's public IPs, instance 0 first (`gatewayPublicIps` of `pulumi stack output --json`). */
  readonly azureGatewayPublicIps: readonly [string, string];
  /** @default 'vpc-0123456789abcdef0' (replace with yours) */
  readonly vpcId?: string;
  /** @default 'vgw-0123456789abcdef0' (replace with yours) */
  readonly vpnGatewayId?: string;
}

export class ExistingVgwStack extends Stack {
  readonly vpn: AzureVpnConnections;

  constructor(scope: App, id: string, props: ExistingVgwStackProps) {
    super(scope, id, props);

    const plan = planVpn({
      name: 'shared-vgw-to-azure',
      aws: {
        asn: 64512, // the existing gateway's Amazon side ASN (C08, C11)
        vpcCidr: '10.30.0.0/16',
        existingVpnConnections: 2, // already on this gateway: counted against its 10 (C19)
      },
    });

    const vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: props.vpcId ?? 'vpc-0123456789abcdef0',
      vpcCidrBlock: plan.aws.vpcCidr,
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      vpnGatewayId: props.vpnGatewayId ?? 'vgw-0123456789abcdef0',
    });

    this.vpn = new AzureVpnConnections(this, 'AzureVpn', {
      plan,
      vpc,
      azureGatewayPublicIps: props.azureGatewayPublicIps,
      vpnGatewayId: vpc.vpnGatewayId,
      enableRoutePropagation: false,
    });
  }
}

export function build(app: App, props: ExistingVgwStackProps): ExistingVgwStack {
  return new ExistingVgwStack(app, 'ExistingVgwExample', props);
}

if (require.main === module) {
  const app = new App();
  const azureOutputs = String(app.node.tryGetContext('azureOutputs') ?? 'azure-outputs.json');
  build(app, { azureGatewayPublicIps: readAzureOutputs(azureOutputs).gatewayPublicIps });
  VpnRulesAspect.enable(app);
  app.synth();
}
