import { AWS_PHASE1_LIFETIME, AWS_PHASE2_LIFETIME } from '../../plan/ipsec';
import { excerpt } from '../../core/excerpt';
import type { AlibabaDesign } from '../../peers/alibaba/design';
import { ALIBABA_DEFAULTS, alibabaIpsecFindings } from '../../plan/alibaba-ipsec';
import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';
import { tunnelPath } from '../../check/views/alibaba';

const IKE_FIELDS = ['ikeVersion', 'ikeMode', 'ikeEncAlg', 'ikeAuthAlg', 'ikePfs', 'ikeLifetime'] as const;
const IPSEC_FIELDS = ['ipsecEncAlg', 'ipsecAuthAlg', 'ipsecPfs', 'ipsecLifetime'] as const;

function explicit(design: AlibabaDesign): Violation[] {
  const violations: Violation[] = [];
  design.connections.forEach((connection, i) => {
    connection.tunnels.forEach((tunnel, j) => {
      const at = tunnelPath(i, j);
      const check = (block: 'ike' | 'ipsec', field: string, actual: unknown, expected: unknown) => {
        if (actual === undefined) {
          violations.push({
            path: `${at}.${block}.${field}`,
            message: `is not set: Alibaba would negotiate its default ${
              excerpt((ALIBABA_DEFAULTS as Record<string, unknown>)[field])
            }, which AWS does not start with.`,
            fix: expected === undefined ? 'a value both clouds accept (see the C24 finding on ipsec).' : `${excerpt(expected)} (the plan's policy).`,
          });
        } else if (actual !== expected) {
          violations.push({
            path: `${at}.${block}.${field}`,
            message: `${excerpt(actual)} differs from the plan's policy ${excerpt(expected)}: the AWS end negotiates the latter.`,
            fix: `${excerpt(expected)}.`,
          });
        }
      };
      for (const field of IKE_FIELDS) check('ike', field, tunnel.ike[field], design.policy.ike[field]);
      for (const field of IPSEC_FIELDS) check('ipsec', field, tunnel.ipsec[field], design.policy.ipsec[field]);
      const ike = tunnel.ike.ikeLifetime;
      if (ike !== undefined && (ike < AWS_PHASE1_LIFETIME.min || ike > AWS_PHASE1_LIFETIME.max)) {
        violations.push({
          path: `${at}.ike.ikeLifetime`,
          message: `${ike} s is outside what AWS accepts for phase 1 (${AWS_PHASE1_LIFETIME.min}–${AWS_PHASE1_LIFETIME.max}).`,
          fix: `${AWS_PHASE1_LIFETIME.min}–${AWS_PHASE1_LIFETIME.max}; AWS's default is 28800.`,
        });
      }
      const ipsec = tunnel.ipsec.ipsecLifetime;
      if (ipsec !== undefined && (ipsec < AWS_PHASE2_LIFETIME.min || ipsec > AWS_PHASE2_LIFETIME.max)) {
        violations.push({
          path: `${at}.ipsec.ipsecLifetime`,
          message: `${ipsec} s is outside what AWS accepts for phase 2 (${AWS_PHASE2_LIFETIME.min}–${AWS_PHASE2_LIFETIME.max}).`,
          fix: `${AWS_PHASE2_LIFETIME.min}–${AWS_PHASE2_LIFETIME.max}; AWS's default is 3600.`,
        });
      }
    });
    const asns = [...new Set(connection.tunnels.map((t) => t.bgp.localAsn))];
    if (asns.length > 1) {
      violations.push({
        path: `connections[${i}].tunnels`,
        message: `the tunnels of ${connection.name} use local ASNs ${asns.join(', ')}; both tunnels of a connection use one.`,
        fix: `${design.localAsn} on both (the plan's local ASN).`,
      });
    }
  });
  return violations;
}

export const AlibabaIkeIpsecExplicit: Rule = {
  id: 'AlibabaIkeIpsecExplicit',
  catalogue: ['C40'],
  level: 'error',
  summary: "Every Alibaba tunnel sets each IKE and IPsec field to the plan's policy, with lifetimes AWS accepts, and one local ASN per connection.",
  explanation: "Seed 002 (FAQ: phase 1 fails on mismatched IKE version, mode, algorithms or DH group) and the alicloud provider's tunnel " +
    'defaults (IKEv1, md5, group2, 86400 s; README-sources.md): a field left out falls back to a value AWS never proposes. ' +
    'AWS accepts phase 1 lifetimes of 900–28800 s and phase 2 of 900–3600 s. Both tunnels of a connection use the same local ASN.',
  fix: "every tunnelIkeConfig and tunnelIpsecConfig field from the plan's policy (lib/peers/alibaba/ipsec.ts).",
  // The plan: the one policy must be expressible in Alibaba's vocabulary, or no tunnel could be set to it.
  plan: ({ spec }) =>
    spec.alibaba === undefined ? [] : alibabaIpsecFindings(spec.ipsec).map((f) => ({ path: f.path, message: f.message, fix: f.fix })),
  alibaba: explicit,
};
