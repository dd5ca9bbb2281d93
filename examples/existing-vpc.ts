/**
 * Example: the VPN in your own stack, next to a VPC you already define, with the subnets that
 * reach Azure chosen explicitly.
 *
 * The VPC has three subnet groups: Public, App (private with egress) and Data (isolated). By
 * default the construct propagates the Azure routes to the private-with-egress subnets only, which
 * would leave the Data subnets without a route to Azure: the rules Aspect reports that as a C28
 * error. Here both groups are selected. The Public subnets do not talk to Azure on purpose: the
 * Aspect's C28 warning on their route tables is acknowledged with that reason, so synth is quiet.
 *
 *   npx cdk synth --app "node --require ./scripts/register-ts.js examples/existing-vpc.ts" -c azureOutputs=samples/azure-outputs.json
 *
 * In your project, import from the package instead of `../lib/...`.
 */
import { App, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../lib/aws-entry';
import { VpnRulesAspect } from '../lib/enforcement';
import { readAzureOutputs } from '../lib/handoff/azure-outputs';
import { planVpn } from '../lib/check/validate';

export interface ExistingVpcStackProps extends StackProps {
  /** The Azure gateway's public IPs, instance 0 first (`gatewayPublicIps` of `pulumi stack output --json`). */
  readonly azureGatewayPublicIps: readonly [string, string];
}

export class ExistingVpcStack extends Stack {
  readonly vpc: ec2.Vpc;
  readonly vpn: AzureVpnConnections;

  constructor(scope: App, id: string, props: ExistingVpcStackProps) {
    super(scope, id, props);

    // The plan in code; every field left out takes the documented default (seed 004's table).
    const plan = planVpn({
      name: 'app-to-azure',
      aws: { vpcCidr: '10.20.0.0/16' },
      azure: { vnetCidr: '10.1.0.0/16' },
    });

    // The VPC you already have; nothing about it is specific to the VPN.
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr),
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });

    this.vpn = new AzureVpnConnections(this, 'AzureVpn', {
      plan,
      vpc: this.vpc,
      azureGatewayPublicIps: props.azureGatewayPublicIps,
      // App and Data talk to Azure; Public does not (C28).
      routePropagationSubnets: { subnets: [...this.vpc.privateSubnets, ...this.vpc.isolatedSubnets] },
    });
    for (const subnet of this.vpc.publicSubnets) {
      Validations.of(subnet.node.findChild('RouteTable')).acknowledge({
        id: 'MultiCloudVpn-RouteTablesRouteToVpnGateway',
        reason: 'C28: the public subnets hold the NAT gateways and face the internet only; they do not talk to Azure.',
      });
    }
  }
}

export function build(app: App, props: ExistingVpcStackProps): ExistingVpcStack {
  return new ExistingVpcStack(app, 'ExistingVpcExample', props);
}

if (require.main === module) {
  const app = new App();
  const azureOutputs = String(app.node.tryGetContext('azureOutputs') ?? 'azure-outputs.json');
  build(app, { azureGatewayPublicIps: readAzureOutputs(azureOutputs).gatewayPublicIps });
  VpnRulesAspect.enable(app);
  app.synth();
}
