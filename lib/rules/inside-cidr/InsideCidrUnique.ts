import { overlaps, parseIpv4Cidr, type Ipv4Range } from '../../core/address';
import { targetOf } from '../../check/views/cfn-view';
import { cfnTunnelInsideCidrs } from '../../check/views/inside-cidrs';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { insideCidrsInUseViolations, violationsOwnedBy } from '../../plan/aws-target';
import { quoted } from '../../core/excerpt';

/** A block already claimed, with what to call it in a message. */
interface Claim {
  readonly label: string;
  readonly range: Ipv4Range;
}

const FIX = 'a /30 no other tunnel on the same AWS gateway or Azure gateway uses; leave insideCidr out and the allocator picks a free one.';

function firstOverlap(range: Ipv4Range, claims: readonly Claim[]): Claim | undefined {
  return claims.find((c) => overlaps(c.range, range));
}

/**
 * The gateway a VPN connection terminates on, as a grouping key: the `Ref`/`GetAtt` target or the
 * literal id, else the intrinsic's JSON (two identical ones point at the same gateway). Undefined when absent.
 */
function gatewayKey(properties: Readonly<Record<string, unknown>>): { key: string; label: string; } | undefined {
  for (const property of ['VpnGatewayId', 'TransitGatewayId']) {
    const value = properties[property];
    if (value === undefined) continue;
    const target = targetOf(value) ?? JSON.stringify(value);
    return { key: `${property}:${target}`, label: `${property} ${target}` };
  }
  return undefined;
}

export const InsideCidrUnique: Rule = {
  id: 'InsideCidrUnique',
  catalogue: ['C04'],
  level: 'error',
  summary: 'Inside CIDRs are unique per AWS gateway and never overlap anything on the same Azure gateway.',
  explanation: 'AWS requires the inside CIDRs of all tunnels on one virtual private gateway or transit gateway to be unique ' +
    '(AWS Site-to-Site VPN tunnel options). Seed 004 adds that APIPA addresses must not overlap between the ' +
    'on-premises devices and all connected Azure VPN gateways: the blocks of other sites on the same gateway ' +
    '(azure.apipaInUse) and of other plans sharing it count too. Two BGP sessions on one address never both come up.',
  fix: FIX,
  plan: ({ spec, tunnels, sharedGateway }) => {
    const violations: Violation[] = [];
    const claims: Claim[] = sharedGateway.flatMap((plan) =>
      plan.tunnels.flatMap((t) => {
        const range = parseIpv4Cidr(t.insideCidr);
        return range ? [{ label: `${quoted(t.insideCidr)} of plan '${plan.name}' (${t.id}) on the same Azure gateway`, range }] : [];
      })
    );
    spec.azure.apipaInUse.forEach((cidr, i) => {
      const range = parseIpv4Cidr(cidr);
      if (range) {
        claims.push({ label: `${quoted(cidr)} of azure.apipaInUse[${i}]`, range });
      } else {
        violations.push({
          path: `azure.apipaInUse[${i}]`,
          message: `${quoted(cidr)} is not an IPv4 CIDR, so the block it stands for cannot be kept free.`,
          fix: 'a CIDR such as 169.254.21.8/30 (a single address as 169.254.21.10/32).',
        });
      }
    });
    // Other VPN connections on an existing transit gateway: inside CIDRs are unique per gateway (C04).
    violations.push(...violationsOwnedBy(insideCidrsInUseViolations(spec.aws.target), 'InsideCidrUnique'));
    if (spec.aws.target.kind === 'tgw') {
      spec.aws.target.insideCidrsInUse.forEach((cidr, i) => {
        const range = parseIpv4Cidr(cidr);
        if (range) {
          claims.push({ label: `${quoted(cidr)} of aws.target.insideCidrsInUse[${i}] (another VPN connection on the transit gateway)`, range });
        } else {
          violations.push({
            path: `aws.target.insideCidrsInUse[${i}]`,
            message: `${quoted(cidr)} is not an IPv4 CIDR, so the block it stands for cannot be kept free.`,
            fix: 'a CIDR such as 169.254.21.8/30.',
          });
        }
      });
    }
    for (const t of tunnels) {
      const range = t.insideCidr === undefined ? undefined : parseIpv4Cidr(t.insideCidr);
      if (!range) continue; // C01 reports what does not parse
      const path = t.allocated ? t.path : `${t.path}.insideCidr`;
      const taken = firstOverlap(range, claims);
      if (taken) violations.push({ path, message: `${quoted(t.insideCidr)} overlaps ${taken.label}.` });
      claims.push({ label: `${quoted(t.insideCidr)} of ${t.path} (Instance${t.azureInstance}Tunnel${t.awsTunnel})`, range });
    }
    return violations;
  },
  cfn: (view) => {
    const claimsByGateway = new Map<string, Claim[]>();
    const violations: Violation[] = [];
    for (const { connection, cidr, property } of cfnTunnelInsideCidrs(view)) {
      const gateway = gatewayKey(connection.properties);
      const range = parseIpv4Cidr(cidr);
      if (!gateway || !range) continue;
      const claims = claimsByGateway.get(gateway.key) ?? [];
      const taken = firstOverlap(range, claims);
      if (taken) {
        violations.push({ path: connection.path, message: `${property} ${quoted(cidr)} overlaps ${taken.label} on the same ${gateway.label}.` });
      }
      claims.push({ label: `${quoted(cidr)} of ${connection.path} ${property}`, range });
      claimsByGateway.set(gateway.key, claims);
    }
    return violations;
  },
};
