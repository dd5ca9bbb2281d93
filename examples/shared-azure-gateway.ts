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
 * then share one customer gateway that neither can delete. The construct therefore names each
 * customer gateway's device after its stack and construct path.
 *
 * The Azure side is ONE `AzureVpnGateway` given both plans (`plan` and `sharedWith`): the gateway
 * answers, per instance, on the union of both plans' APIPA addresses (instance 0: 169.254.21.2,
 * 169.254.22.2, 169.254.21.10, 169.254.22.10), and each plan adds its four local network gateways
 * and connections (names `lng-<plan>-…`, `cn-<plan>-…`). The component refuses plans that overlap
 * (C04) or disagree on the gateway (SKU, ASN, names …). `buildSharedAzureGateway` below is the
 * Pulumi program; a plan whose AWS stack is not deployed yet simply has no outputs file.
 *
 * AWS (CDK app):  npx cdk synth --app "node --require ./scripts/register-ts.js examples/shared-azure-gateway.ts" -c azureOutputs=samples/azure-outputs.json
 * Azure (your Pulumi program's index.ts):
 *   export = buildSharedAzureGateway({ awsOutputsFiles: [config.get('ordersAwsOutputs'), config.get('billingAwsOutputs')] });
 */
import type * as pulumi from '@pulumi/pulumi';
import { App, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../lib/aws-entry';
import { AzureVpnGateway, awsTunnelEndpoints } from '../lib/azure-entry';
import { VpnRulesAspect } from '../lib/enforcement';
import { readAwsOutputs, type SecretReader } from '../lib/handoff/aws-outputs';
import { readAzureOutputs } from '../lib/handoff/azure-outputs';
import { type ResolvedPlan } from '../lib/plan';
import { planSharedGateway } from '../lib/check/validate';

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
  }
}

export function build(app: App, props: SharedGatewayProps): [VpcToSharedGatewayStack, VpcToSharedGatewayStack] {
  const [orders, billing] = sharedGatewayPlans();
  return [
    new VpcToSharedGatewayStack(app, 'OrdersVpcToAzure', orders, props),
    new VpcToSharedGatewayStack(app, 'BillingVpcToAzure', billing, props),
  ];
}

export interface SharedAzureGatewayOptions {
  /**
   * Per plan, in `sharedGatewayPlans` order, the `cdk deploy --outputs-file` output of its stack.
   * @default none: the first run, the gateway only (with both plans' APIPA addresses)
   */
  readonly awsOutputsFiles?: readonly (string | undefined)[];
  /** Reads a pre-shared key by secret ARN. @default AWS Secrets Manager */
  readonly readSecret?: SecretReader;
  /** Options of the component (a provider …). */
  readonly resourceOptions?: pulumi.ComponentResourceOptions;
}

/** The Azure side: one gateway for both plans; returns the stack outputs both AWS stacks read. */
export async function buildSharedAzureGateway(options: SharedAzureGatewayOptions = {}) {
  const plans = sharedGatewayPlans();
  const tunnels = await Promise.all(plans.map(async (plan, i) => {
    const file = options.awsOutputsFiles?.[i];
    return file === undefined ? undefined : awsTunnelEndpoints(readAwsOutputs(file, plan), { readSecret: options.readSecret });
  }));
  const [first, ...others] = plans;
  const gateway = new AzureVpnGateway('shared-gateway', {
    plan: first,
    awsTunnels: tunnels[0],
    sharedWith: others.map((plan, i) => ({ plan, awsTunnels: tunnels[i + 1] })),
  }, options.resourceOptions);
  return { gatewayPublicIps: gateway.gatewayPublicIps, gatewayId: gateway.gatewayId, connectionIds: gateway.connectionIds };
}

if (require.main === module) {
  const app = new App();
  const azureOutputs = String(app.node.tryGetContext('azureOutputs') ?? 'azure-outputs.json');
  build(app, { azureGatewayPublicIps: readAzureOutputs(azureOutputs).gatewayPublicIps });
  VpnRulesAspect.enable(app);
  app.synth();
}
