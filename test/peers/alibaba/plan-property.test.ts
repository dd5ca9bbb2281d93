/**
 * Issue 10's property, from the plan file on: for every Alibaba plan `validatePlan` accepts (tunnel CIDRs anywhere
 * in 169.254.0.0/16, any local and AWS ASN), the design passes every rule's alibaba scope (C34–C37, C39–C42) and
 * each AWS tunnel faces exactly one Alibaba tunnel with its inside /30, AWS the first host and Alibaba the second,
 * the ASNs crossed, and the tunnel's own key reference (C39).
 */
import * as fc from 'fast-check';
import { RULES, checkPeer } from '../../../lib/check/registry';
import { validatePlan } from '../../../lib/check/validate';
import { bgpAddressesOf, numberToIpv4 } from '../../../lib/core/address';
import { alibabaDesign } from '../../../lib/peers/alibaba/design';
import { OUTSIDE_IPS, secretArn } from './fixtures';

const BASE = 0xa9fe0000; // 169.254.0.0
const slash30 = fc.integer({ min: 0, max: 16383 }).map((block) => `${numberToIpv4(BASE + block * 4)}/30`);
const asn = fc.oneof(fc.integer({ min: 64512, max: 65534 }), fc.integer({ min: 4200000000, max: 4294967294 }), fc.constant(45104));

test('C39 (property): every accepted Alibaba plan gives a design that passes every rule, each AWS tunnel faced by exactly one matching tunnel', () => {
  let accepted = 0;
  fc.assert(
    fc.property(
      fc.array(fc.option(slash30, { nil: undefined }), { minLength: 4, maxLength: 4 }),
      asn,
      fc.integer({ min: 64512, max: 65534 }),
      (cidrs, localAsn, awsAsn) => {
        const tunnels = ([[0, 1], [0, 2], [1, 1], [1, 2]] as const).flatMap((
          [azureInstance, awsTunnel],
          i,
        ) => (cidrs[i] === undefined ? [] : [{ azureInstance, awsTunnel, insideCidr: cidrs[i] }]));
        const { plan } = validatePlan({
          aws: { asn: awsAsn },
          tunnels,
          alibaba: { vpcId: 'vpc-test', vswitchId: 'vsw-zone-a', disasterRecoveryVswitchId: 'vsw-zone-b', localAsn },
        });
        if (plan === undefined) return; // refused: C01, C02, C04, C35, C36, C41 … said why (tested one by one elsewhere)
        accepted++;
        const design = alibabaDesign(plan, plan.alibaba!, {
          awsTunnels: Object.fromEntries(plan.tunnels.map((t) => [t.id, { outsideIp: OUTSIDE_IPS[t.id], presharedKeySecretArn: secretArn(t.id) }])),
        });
        expect([...design.findings, ...checkPeer('alibaba', design, RULES)]).toEqual([]);
        const placed = design.connections.flatMap((c) => c.tunnels);
        for (const t of plan.tunnels) {
          const facing = placed.filter((p) => p.tunnelId === t.id);
          expect(facing).toHaveLength(1);
          const { aws, azure: second } = bgpAddressesOf(t.insideCidr);
          expect(facing[0].bgp).toMatchObject({ tunnelCidr: t.insideCidr, peerBgpIp: aws, localBgpIp: second, localAsn, peerAsn: awsAsn });
          expect(facing[0].presharedKeySecretArn).toBe(secretArn(t.id));
          // IP 1 faces AWS connection 1 (its customer gateway is IP 1), IP 2 connection 2.
          expect(facing[0].gatewayIp).toBe(t.awsConnection - 1);
        }
        expect(plan.customerGatewayAsn).toBe(localAsn);
      },
    ),
    { numRuns: 150 },
  );
  // The generator must reach accepted plans, or the property says nothing.
  expect(accepted).toBeGreaterThan(20);
});
