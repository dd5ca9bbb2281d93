/**
 * Example: two VPCs (two plans) connected to ONE Azure VPN gateway.
 *
 * `planSharedGateway` plans them in order: the second plan's tunnels get the next free /30s of
 * Azure's APIPA range (169.254.21.8/30, 169.254.22.8/30, 169.254.21.12/30, 169.254.22.12/30), so no
 * inside address is used twice on the gateway (C04). With plan files instead of code, list the
 * first plan's four CIDRs in the second file's `azure.apipaInUse`.
 *
 * Each VPC gets its own virtual private gateway and its own two VPN connections; both sets of
 * customer gateways point at the same two Azure IPs. AWS returns the existing customer gateway for
 * a second request with the same type, IP and ASN unless the device name differs: the stacks would
 * then share one customer gateway that neither can delete. Each stack therefore names its devices.
 *
 * The Azure side: the gateway needs, per instance, the union of both plans' APIPA addresses, and
 * eight local network gateways and connections. `AzureVpnGateway` (lib/azure) builds the gateway
 * from ONE plan and creates its own gateway, so it cannot yet serve a second plan: that is left
 * open (see docs/USER-GUIDE.md). `azureApipaUnion` below computes the lists the gateway needs.
 *
 *   npx cdk synth --app "npx ts-node --transpile-only examples/shared-azure-gateway.ts" -c azureOutputs=azure-outputs.json
 */
import { App, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../lib/aws';
import { VpnRulesAspect } from '../lib/enforcement';
import { readAzureOutputs } from '../lib/handoff/azure-outputs';
import { planSharedGateway, type ResolvedPlan } from '../lib/plan';

export interface SharedGatewayProps extends StackProps {
  /** The shared Azure gateway's public IPs, instance 0 first. */
  readonly azureGatewayPublicIps: readonly [string, string];
}

/** The two plans: same Azure gateway (the defaults), two VPCs that overlap neither each other nor the VNet (C18). */
export function sharedGatewayPlans(): [ResolvedPlan, ResolvedPlan] {
  const [first, second] = planSharedGateway([
    { name: 'orders-vpc', aws: { vpcCidr: '10.2.0.0/16' } },
    { name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' } },
  ]);
  return [first, second];
}

/** The custom APIPA addresses the shared gateway needs per instance: every plan's, in plan order. */
export function azureApipaUnion(plans: readonly ResolvedPlan[]): [string[], string[]] {
  return [plans.flatMap((p) => p.azure.apipaByInstance[0]), plans.flatMap((p) => p.azure.apipaByInstance[1])];
}

export class VpcToSharedGatewayStack extends Stack {
  readonly vpn: AzureVpnConnections;

  constructor(scope: App, id: string, plan: ResolvedPlan, props: SharedGatewayProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    });
    this.vpn = new AzureVpnConnections(this, 'AzureVpn', { plan, vpc, azureGatewayPublicIps: props.azureGatewayPublicIps });
    // One customer gateway per stack and Azure instance, not one shared by accident (see above).
    this.vpn.customerGateways.forEach((gateway, instance) => {
      gateway.deviceName = `${plan.name}-azure-instance${instance}`;
    });
  }
}

export function build(app: App, props: SharedGatewayProps): [VpcToSharedGatewayStack, VpcToSharedGatewayStack] {
  const [orders, billing] = sharedGatewayPlans();
  return [
    new VpcToSharedGatewayStack(app, 'OrdersVpcToAzure', orders, props),
    new VpcToSharedGatewayStack(app, 'BillingVpcToAzure', billing, props),
  ];
}

if (require.main === module) {
  const app = new App();
  const azureOutputs = String(app.node.tryGetContext('azureOutputs') ?? 'azure-outputs.json');
  build(app, { azureGatewayPublicIps: readAzureOutputs(azureOutputs).gatewayPublicIps });
  VpnRulesAspect.enable(app);
  app.synth();
  const [instance0, instance1] = azureApipaUnion(sharedGatewayPlans());
  process.stderr.write(`Azure gateway custom APIPA addresses: instance 0 ${instance0.join(', ')}; instance 1 ${instance1.join(', ')}\n`);
}
