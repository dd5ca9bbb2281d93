import * as fc from 'fast-check';
import { alibabaDesign, type AlibabaPlanInput, type AwsNumber } from '../../../lib/peers/alibaba/design';
import { ALIBABA_RULES } from '../../../lib/rules/alibaba';
import { numberToIpv4 } from '../../../lib/core/address';
import { RESERVED_INSIDE_CIDRS } from '../../../lib/plan/constants';
import { ipsecSchema } from '../../../lib/plan/schema';
import { awsTunnels, checkAlibaba as checkAlibabaDesign, fullDesign, OUTSIDE_IPS, peer, plan, secretArn } from './fixtures';

describe('alibabaDesign', () => {
  test('C34: the first run (no AWS tunnels yet) is the dual-tunnel gateway alone, propagating BGP routes to the VPC', () => {
    const design = alibabaDesign(plan(), peer());
    expect(design.gateway).toEqual({
      resourceName: 'gateway',
      name: 'multicloud-vpn-vpn-gw',
      vpcId: 'vpc-test',
      vswitchId: 'vsw-zone-a',
      disasterRecoveryVswitchId: 'vsw-zone-b',
      bandwidth: 10,
      vpnType: 'Normal',
      networkType: 'public',
      paymentType: 'PayAsYouGo',
      enableIpsec: true,
      enableSsl: false,
      autoPropagate: true,
    });
    expect([design.customerGateways, design.connections, design.aws.tunnels, design.findings]).toEqual([[], [], [], []]);
    expect(design.localAsn).toBe(45104);
    expect(checkAlibabaDesign(design, ALIBABA_RULES)).toEqual([]);
  });

  test('C39, C41: four customer gateways, one per AWS tunnel outside IP, each with the AWS ASN', () => {
    const design = fullDesign();
    expect(design.customerGateways.map((c) => [c.resourceName, c.name, c.tunnelId, c.ipAddress, c.asn])).toEqual([
      ['cgw-aws1-tunnel1', 'multicloud-vpn-aws1-tunnel1', 'Instance0Tunnel1', '192.0.2.10', 64512],
      ['cgw-aws1-tunnel2', 'multicloud-vpn-aws1-tunnel2', 'Instance0Tunnel2', '192.0.2.11', 64512],
      ['cgw-aws2-tunnel1', 'multicloud-vpn-aws2-tunnel1', 'Instance1Tunnel1', '198.51.100.10', 64512],
      ['cgw-aws2-tunnel2', 'multicloud-vpn-aws2-tunnel2', 'Instance1Tunnel2', '198.51.100.11', 64512],
    ]);
  });

  test('C34, C39: connection k puts tunnel 1 (master, IP 1) against AWS connection 1 tunnel k and tunnel 2 (slave, IP 2) against AWS connection 2 tunnel k', () => {
    const design = fullDesign();
    const rows = design.connections.map((
      c,
    ) => [
      c.resourceName,
      c.after,
      c.tunnels.map((t) => [t.role, t.gatewayIp, t.tunnelId, t.customerGatewayResourceName, t.bgp.tunnelCidr, t.bgp.localBgpIp, t.bgp.peerBgpIp]),
    ]);
    expect(rows).toEqual([
      ['ipsec-1', undefined, [
        ['master', 0, 'Instance0Tunnel1', 'cgw-aws1-tunnel1', '169.254.21.0/30', '169.254.21.2', '169.254.21.1'],
        ['slave', 1, 'Instance1Tunnel1', 'cgw-aws2-tunnel1', '169.254.21.4/30', '169.254.21.6', '169.254.21.5'],
      ]],
      ['ipsec-2', 'ipsec-1', [
        ['master', 0, 'Instance0Tunnel2', 'cgw-aws1-tunnel2', '169.254.22.0/30', '169.254.22.2', '169.254.22.1'],
        ['slave', 1, 'Instance1Tunnel2', 'cgw-aws2-tunnel2', '169.254.22.4/30', '169.254.22.6', '169.254.22.5'],
      ]],
    ]);
    for (const c of design.connections) {
      expect(c).toMatchObject({ localSubnets: ['0.0.0.0/0'], remoteSubnets: ['0.0.0.0/0'], enableTunnelsBgp: true, effectImmediately: true });
      for (const t of c.tunnels) {
        expect(t.bgp).toMatchObject({ localAsn: 45104, peerAsn: 64512 });
        // A key reference, never a key (C23).
        expect(t.presharedKeySecretArn).toBe(secretArn(t.tunnelId));
      }
    }
    expect(checkAlibabaDesign(design, ALIBABA_RULES)).toEqual([]);
    expect(design.findings).toEqual([]);
  });

  test('C39: a missing AWS tunnel leaves its connection out and is a finding; an unknown tunnel id is one too', () => {
    const p = plan();
    const three = awsTunnels(p);
    delete three.Instance1Tunnel2;
    const design = alibabaDesign(p, peer(), {
      awsTunnels: { ...three, Bogus: { outsideIp: '203.0.113.9', presharedKeySecretArn: secretArn('Bogus') } },
    });
    expect(design.connections.map((c) => c.resourceName)).toEqual(['ipsec-1']);
    expect(design.customerGateways).toHaveLength(3);
    expect(design.findings.map((f) => [f.path, f.catalogue])).toEqual([['awsTunnels.Bogus', ['C39']], ['awsTunnels.Instance1Tunnel2', ['C39']]]);
  });

  test('C24: a GCM policy is a design finding naming the field', () => {
    const design = fullDesign({ ipsec: { phase2: { encryption: 'AES256-GCM-16' } } });
    expect(design.findings.map((f) => [f.path, f.catalogue, f.level])).toEqual([['ipsec.phase2.encryption', ['C24'], 'error']]);
    expect(design.connections[0].tunnels[0].ipsec.ipsecEncAlg).toBeUndefined();
  });

  test('C36, C41: a local ASN equal to the AWS ASN is refused by the rules with the fix', () => {
    const findings = checkAlibabaDesign(fullDesign({}, { localAsn: 64512 }), ALIBABA_RULES);
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['AlibabaCustomerGatewayAsn']));
    expect(findings).toHaveLength(4);
    expect(findings[0].fix).toContain('a local ASN other than 64512');
  });
});

/** A /30 in 169.254.0.0/16, not reserved: its index among the 16384 blocks. */
const insideCidr = fc.integer({ min: 0, max: 16383 })
  .map((i) => `${numberToIpv4(0xa9fe0000 + i * 4)}/30`)
  .filter((cidr) => !RESERVED_INSIDE_CIDRS.includes(cidr));
const privateAsn = fc.oneof(fc.integer({ min: 64512, max: 65534 }), fc.integer({ min: 4200000000, max: 4294967294 }));
const publicIp = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));

describe('alibabaDesign property (C39)', () => {
  test('C35, C36, C39, C40, C41: every accepted input passes every rule and each AWS tunnel faces exactly one Alibaba tunnel with its CIDR, addresses, ASNs and key', () => {
    const input = fc.record({
      cidrs: fc.uniqueArray(insideCidr, { minLength: 4, maxLength: 4 }),
      ips: fc.uniqueArray(publicIp, { minLength: 4, maxLength: 4 }),
      awsAsn: privateAsn,
      localAsn: fc.integer({ min: 1, max: 4294967295 }),
      ikeVersion: fc.constantFrom('ikev1' as const, 'ikev2' as const),
      order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
    }).filter((i) => i.localAsn !== i.awsAsn);
    fc.assert(
      fc.property(input, ({ cidrs, ips, awsAsn, localAsn, ikeVersion, order }) => {
        const coordinates: [AwsNumber, AwsNumber][] = [[1, 1], [1, 2], [2, 1], [2, 2]];
        // Plan tunnels in any order: the design pairs by AWS coordinates, never by position.
        const tunnels = order.map((k) => ({ id: `T${k}`, awsConnection: coordinates[k][0], awsTunnel: coordinates[k][1], insideCidr: cidrs[k] }));
        const p: AlibabaPlanInput = { name: 'prop', aws: { asn: awsAsn }, tunnels, ipsec: ipsecSchema.parse({ ikeVersion }), tags: {} };
        const hand = Object.fromEntries(tunnels.map((t, i) => [t.id, { outsideIp: ips[i], presharedKeySecretArn: secretArn(t.id) }]));
        const design = alibabaDesign(p, peer({ localAsn }), { awsTunnels: hand });
        expect(design.findings).toEqual([]);
        expect(checkAlibabaDesign(design, ALIBABA_RULES)).toEqual([]);
        const placed = design.connections.flatMap((c) => c.tunnels);
        expect(placed).toHaveLength(4);
        for (const t of tunnels) {
          const facing = placed.filter((a) => a.tunnelId === t.id);
          expect(facing).toHaveLength(1);
          const [a] = facing;
          const base = t.insideCidr.split('/')[0].split('.').map(Number);
          const host = (n: number) => [...base.slice(0, 3), base[3] + n].join('.');
          expect(a.gatewayIp).toBe(t.awsConnection - 1);
          expect(a.role).toBe(t.awsConnection === 1 ? 'master' : 'slave');
          expect(a.bgp).toEqual({ localAsn, tunnelCidr: t.insideCidr, localBgpIp: host(2), peerBgpIp: host(1), peerAsn: awsAsn });
          expect(a.presharedKeySecretArn).toBe(hand[t.id].presharedKeySecretArn);
          const cgw = design.customerGateways.find((g) => g.resourceName === a.customerGatewayResourceName)!;
          expect([cgw.ipAddress, cgw.asn]).toEqual([hand[t.id].outsideIp, awsAsn]);
          expect(a.ike.ikeVersion).toBe(ikeVersion);
        }
      }),
      { numRuns: 200 },
    );
  });
});

test('fixtures: the outside IPs are those of the plan tunnels', () => {
  expect(Object.keys(OUTSIDE_IPS)).toEqual(plan().tunnels.map((t) => t.id));
});
