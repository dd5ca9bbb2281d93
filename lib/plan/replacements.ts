/**
 * What a plan change replaces. CloudFormation creates a VPN connection anew when its customer
 * gateway, gateway, type or any tunnel option changes (they are create-only properties), and a new
 * connection has new tunnel outside IPs: the Azure local network gateways must then be updated
 * (`pulumi up` with the new AWS outputs). A changed VGW ASN replaces the gateway and so every
 * connection (C08). This tells a user before they deploy.
 */
import { awsTargetReplacements } from './aws-target';
import { awsTunnelOptions } from './ipsec';
import type { ResolvedPlan } from './types';

export interface Replacement {
  /** e.g. `AWS VPN connection 1`, `AWS virtual private gateway`. */
  readonly resource: string;
  readonly reasons: readonly string[];
  /** What the user must do after deploying. */
  readonly consequence: string;
}

const NEW_OUTSIDE_IPS =
  'new tunnel outside IPs: run `pulumi up` again with the new `cdk deploy --outputs-file` so the Azure local network gateways follow.';

function tunnelOptionsOf(plan: ResolvedPlan, connection: 1 | 2) {
  return JSON.stringify({
    tunnels: plan.tunnels.filter((t) => t.awsConnection === connection).map((t) => [t.awsTunnel, t.insideCidr]),
    options: awsTunnelOptions(plan.ipsec),
    startup: plan.aws.startupAction,
  });
}

/** Replacements caused by moving from `before` to `after`, empty when the change updates in place. */
export function replacementsBetween(before: ResolvedPlan, after: ResolvedPlan): Replacement[] {
  const replacements: Replacement[] = [];
  const gatewayReasons: string[] = [];
  const bothVgw = before.aws.target.kind === 'vgw' && after.aws.target.kind === 'vgw';
  if (bothVgw && before.aws.asn !== after.aws.asn) {
    gatewayReasons.push(`aws.asn ${before.aws.asn} → ${after.aws.asn} (C08: the Amazon side ASN cannot change)`);
  }
  if (gatewayReasons.length > 0) {
    replacements.push({ resource: 'AWS virtual private gateway (and both VPN connections)', reasons: gatewayReasons, consequence: NEW_OUTSIDE_IPS });
  }
  // VGW ↔ TGW, another transit gateway, acceleration or tunnel bandwidth: both connections (aws.target, issue 11).
  const targetChanges = awsTargetReplacements(before.aws.target, after.aws.target);
  replacements.push(...targetChanges);
  const connectionsReplaced = gatewayReasons.length > 0 || targetChanges.some((r) => r.replacesConnections);
  for (const connection of [1, 2] as const) {
    const reasons: string[] = [];
    if (before.customerGatewayAsn !== after.customerGatewayAsn) {
      reasons.push(`customer gateway ASN ${before.customerGatewayAsn} → ${after.customerGatewayAsn} (azure.asn): the customer gateway is replaced`);
    }
    if (tunnelOptionsOf(before, connection) !== tunnelOptionsOf(after, connection)) {
      const changed = after.tunnels
        .filter((t) => t.awsConnection === connection)
        .filter((t) => before.tunnels.find((b) => b.id === t.id)?.insideCidr !== t.insideCidr)
        .map((t) => `${t.id} inside CIDR → ${t.insideCidr}`);
      reasons.push(...changed, ...(changed.length === 0 ? ['tunnel options (IPsec policy, DPD or startup action) changed'] : []));
    }
    if (reasons.length > 0 && !connectionsReplaced) {
      replacements.push({ resource: `AWS VPN connection ${connection}`, reasons, consequence: NEW_OUTSIDE_IPS });
    }
  }
  return replacements;
}
