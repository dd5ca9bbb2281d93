/**
 * Example: a stronger IPsec policy (AES256-GCM-16, DH group 20 in both phases) and what changing it
 * costs.
 *
 * The policy is set once in the plan and applied to both clouds (C24): AWS tunnel options and the
 * Azure connections' `ipsecPolicies` (GCMAES256, ECP384). Tunnel options are create-only on an AWS
 * VPN connection: changing them on a deployed VPN replaces both connections, which get new outside
 * IPs, so the Azure local network gateways must follow (`pulumi up` again). `replacementsBetween`
 * (or `npx multicloud-vpn diff old.json new.json`) says so before you deploy.
 *
 *   npx cdk synth --app "node --require ./scripts/register-ts.js examples/custom-ipsec.ts" -c azureOutputs=samples/azure-outputs.json
 */
import { App, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../lib/aws-entry';
import { VpnRulesAspect } from '../lib/enforcement';
import { readAzureOutputs } from '../lib/handoff/azure-outputs';
import { replacementsBetween, type PlanInput, type Replacement, type ResolvedPlan } from '../lib/plan';
import { planVpn } from '../lib/check/validate';

export interface CustomIpsecStackProps extends StackProps {
  /** The Azure gateway's public IPs, instance 0 first. */
  readonly azureGatewayPublicIps: readonly [string, string];
}

/** The plan as deployed so far: every documented default (AES256, SHA2-256, DH 14). */
export const DEPLOYED_PLAN: PlanInput = { name: 'aws-azure-vpn' };

/** The same plan with the stronger policy. Both clouds accept every value here (C24). */
export const CUSTOM_IPSEC_PLAN: PlanInput = {
  ...DEPLOYED_PLAN,
  ipsec: {
    ikeVersion: 'ikev2',
    phase1: { encryption: 'AES256-GCM-16', integrity: 'SHA2-384', dhGroup: 20, lifetimeSeconds: 28800 },
    // GCM carries its own integrity; Azure is given GCMAES256 for both.
    phase2: { encryption: 'AES256-GCM-16', dhGroup: 20, lifetimeSeconds: 3600 },
    dpdTimeoutSeconds: 30,
  },
};

/** What moving from the deployed plan to the custom one replaces on AWS. */
export function replacementsOfPolicyChange(): Replacement[] {
  return replacementsBetween(planVpn(DEPLOYED_PLAN), planVpn(CUSTOM_IPSEC_PLAN));
}

export class CustomIpsecStack extends Stack {
  readonly plan: ResolvedPlan;
  readonly vpn: AzureVpnConnections;

  constructor(scope: App, id: string, props: CustomIpsecStackProps) {
    super(scope, id, props);
    this.plan = planVpn(CUSTOM_IPSEC_PLAN);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(this.plan.aws.vpcCidr),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    });
    this.vpn = new AzureVpnConnections(this, 'AzureVpn', { plan: this.plan, vpc, azureGatewayPublicIps: props.azureGatewayPublicIps });
  }
}

export function build(app: App, props: CustomIpsecStackProps): CustomIpsecStack {
  return new CustomIpsecStack(app, 'CustomIpsecExample', props);
}

if (require.main === module) {
  for (const r of replacementsOfPolicyChange()) {
    process.stderr.write(`REPLACED ${r.resource}: ${r.reasons.join('; ')}\n  then: ${r.consequence}\n`);
  }
  const app = new App();
  const azureOutputs = String(app.node.tryGetContext('azureOutputs') ?? 'azure-outputs.json');
  build(app, { azureGatewayPublicIps: readAzureOutputs(azureOutputs).gatewayPublicIps });
  VpnRulesAspect.enable(app);
  app.synth();
}
