import { alibabaDesign, type AlibabaDesign } from '../../../lib/peers/alibaba/design';
import {
  AlibabaAwsPairing,
  AlibabaBgpAsn,
  AlibabaCustomerGatewayAsn,
  AlibabaDualTunnel,
  AlibabaIkeIpsecExplicit,
  AlibabaOneOperationAtATime,
  AlibabaSeveralCidrsNeedIkeV2,
  AlibabaTunnelCidr,
  ALIBABA_RULES,
} from '../../../lib/rules/alibaba';
import type { Rule } from '../../../lib/check/kit/rule';
import { CONNECTION_TYPE, type AlibabaResourceGraph } from '../../../lib/peers/alibaba/view';
import { awsTunnels, checkAlibaba as checkAlibabaDesign, checkAlibabaGraph, fullDesign, mutate, peer, plan } from './fixtures';

const compliant = fullDesign();
const run = (rule: Rule, design: AlibabaDesign) => checkAlibabaDesign(design, [rule]);

test('the rules cover C34–C37 and C39–C42, in catalogue order, and the compliant design passes all', () => {
  expect(ALIBABA_RULES.flatMap((r) => r.catalogue)).toEqual(['C34', 'C35', 'C36', 'C37', 'C39', 'C40', 'C41', 'C42']);
  expect(checkAlibabaDesign(compliant, ALIBABA_RULES)).toEqual([]);
});

describe('AlibabaDualTunnel (C34)', () => {
  test('C34: the disaster-recovery vSwitch equal to the first is an error', () => {
    const findings = run(
      AlibabaDualTunnel,
      mutate(compliant, (d) => {
        d.gateway.disasterRecoveryVswitchId = d.gateway.vswitchId;
      }),
    );
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([['gateway.disasterRecoveryVswitchId', ['C34']]]);
    expect(findings[0].message).toContain("same vSwitch as vswitchId ('vsw-zone-a')");
  });

  test('C34: a connection with one tunnel, or with the roles swapped, is an error', () => {
    const one = run(
      AlibabaDualTunnel,
      mutate(compliant, (d) => {
        d.connections[1].tunnels = d.connections[1].tunnels.slice(0, 1);
      }),
    );
    expect(one.map((f) => f.path)).toEqual(['connections[1].tunnels']);
    const swapped = run(
      AlibabaDualTunnel,
      mutate(compliant, (d) => {
        d.connections[0].tunnels[0].role = 'slave';
        d.connections[0].tunnels[1].role = 'master';
      }),
    );
    expect(swapped.map((f) => f.path)).toEqual(['connections[0].tunnels[0].role', 'connections[0].tunnels[1].role']);
    expect(swapped[0].fix).toBe("'master' on gateway IP 1.");
  });
});

describe('AlibabaTunnelCidr (C35)', () => {
  test('C35: a reserved block, a duplicate, a misaligned block and a BGP IP outside the block are errors', () => {
    const findings = run(
      AlibabaTunnelCidr,
      mutate(compliant, (d) => {
        d.connections[0].tunnels[0].bgp.tunnelCidr = '169.254.169.252/30';
        d.connections[0].tunnels[1].bgp = {
          ...d.connections[0].tunnels[1].bgp,
          tunnelCidr: d.connections[1].tunnels[0].bgp.tunnelCidr,
          localBgpIp: d.connections[1].tunnels[0].bgp.localBgpIp,
        };
        d.connections[1].tunnels[1].bgp.tunnelCidr = '169.254.22.5/30';
      }),
    );
    expect(findings.map((f) => f.path)).toEqual([
      'connections[0].tunnels[0].bgp.tunnelCidr',
      'connections[1].tunnels[0].bgp.tunnelCidr',
      'connections[1].tunnels[1].bgp.tunnelCidr',
    ]);
    expect(findings[0].message).toContain('reserved');
    expect(findings[1].message).toContain('also the tunnel CIDR of connections[0].tunnels[1]');
    expect(findings[2].message).toContain('not aligned');
    const outside = run(
      AlibabaTunnelCidr,
      mutate(compliant, (d) => {
        d.connections[0].tunnels[0].bgp.localBgpIp = '169.254.21.3';
      }),
    );
    expect(outside.map((f) => [f.path, f.catalogue])).toEqual([['connections[0].tunnels[0].bgp.localBgpIp', ['C35']]]);
  });
});

describe('AlibabaBgpAsn (C36)', () => {
  test('C36: BGP over a customer gateway without an ASN is refused with the recreate fix', () => {
    const findings = run(
      AlibabaBgpAsn,
      mutate(compliant, (d) => {
        delete d.customerGateways[2].asn;
      }),
    );
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([['customerGateways.cgw-aws2-tunnel1.asn', ['C36']]]);
    expect(findings[0].fix).toContain('create the customer gateway with asn 64512');
    expect(findings[0].fix).toContain('deleted with its connection and recreated');
  });

  test('C36: a local ASN outside 1–4294967295 is an error; without BGP a missing customer gateway ASN is not', () => {
    expect(
      run(
        AlibabaBgpAsn,
        mutate(compliant, (d) => {
          d.localAsn = 0;
        }),
      ).map((f) => f.path),
    ).toEqual(['localAsn']);
    expect(run(
      AlibabaBgpAsn,
      mutate(compliant, (d) => {
        delete d.customerGateways[0].asn;
        d.connections[0].enableTunnelsBgp = false;
      }),
    )).toEqual([]);
  });
});

describe('AlibabaSeveralCidrsNeedIkeV2 (C37)', () => {
  test('C37: two remote CIDR blocks with IKEv1 are an error, with IKEv2 not', () => {
    const ikev1 = mutate(compliant, (d) => {
      d.connections[0].remoteSubnets = ['10.0.0.0/16', '10.1.0.0/16'];
      for (const t of d.connections[0].tunnels) t.ike.ikeVersion = 'ikev1';
    });
    expect(run(AlibabaSeveralCidrsNeedIkeV2, ikev1).map((f) => [f.path, f.catalogue])).toEqual([
      ['connections[0].tunnels[0].ike.ikeVersion', ['C37']],
      ['connections[0].tunnels[1].ike.ikeVersion', ['C37']],
    ]);
    expect(run(
      AlibabaSeveralCidrsNeedIkeV2,
      mutate(compliant, (d) => {
        d.connections[0].remoteSubnets = ['10.0.0.0/16', '10.1.0.0/16'];
      }),
    )).toEqual([]);
  });
});

describe('AlibabaAwsPairing (C39)', () => {
  test("C39: the public attempt's pairing (connection k against both tunnels of AWS connection k) leaves tunnels facing the wrong gateway IP", () => {
    const wrong = mutate(compliant, (d) => {
      // Alibaba connection 1 ← AWS connection 1 (both tunnels), connection 2 ← AWS connection 2.
      const [c1t1, c2t1] = d.connections.map((c) => c.tunnels[0]);
      const [c1t2, c2t2] = d.connections.map((c) => c.tunnels[1]);
      d.connections[0].tunnels = [c1t1, { ...c2t1, position: 2, role: 'slave', gatewayIp: 1 }];
      d.connections[1].tunnels = [{ ...c1t2, position: 1, role: 'master', gatewayIp: 0 }, c2t2];
    });
    const findings = run(AlibabaAwsPairing, wrong);
    expect(findings.map((f) => f.path)).toEqual(['connections[0].tunnels[1]', 'connections[1].tunnels[0]']);
    expect(findings[0].message).toContain("from gateway IP 2, but that AWS connection's customer gateway is IP 1: AWS never answers it");
  });

  test("C39: a tunnel CIDR, a key reference or a customer gateway address that is not its AWS tunnel's is an error", () => {
    const findings = run(
      AlibabaAwsPairing,
      mutate(compliant, (d) => {
        d.connections[0].tunnels[0].bgp.tunnelCidr = '169.254.30.0/30';
        d.connections[0].tunnels[1].presharedKeySecretArn = d.connections[1].tunnels[1].presharedKeySecretArn;
        d.customerGateways[3].ipAddress = '203.0.113.50';
      }),
    );
    expect(findings.map((f) => f.path)).toEqual([
      'connections[0].tunnels[0].bgp.tunnelCidr',
      'connections[0].tunnels[1].presharedKeySecretArn',
      'connections[1].tunnels[1].customerGatewayResourceName',
    ]);
  });

  test('C39: an AWS tunnel without an Alibaba tunnel is an error', () => {
    const findings = run(
      AlibabaAwsPairing,
      mutate(compliant, (d) => {
        d.connections = d.connections.slice(0, 1);
      }),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'AWS tunnel Instance0Tunnel2 (connection 1, tunnel 2, 192.0.2.11) has no Alibaba tunnel facing it: it stays down.',
      'AWS tunnel Instance1Tunnel2 (connection 2, tunnel 2, 198.51.100.11) has no Alibaba tunnel facing it: it stays down.',
    ]);
  });
});

describe('AlibabaIkeIpsecExplicit (C40)', () => {
  test("C40: a field left to Alibaba's default, or a lifetime AWS refuses, is an error", () => {
    const findings = run(
      AlibabaIkeIpsecExplicit,
      mutate(compliant, (d) => {
        delete d.connections[0].tunnels[0].ike.ikeAuthAlg;
        d.connections[1].tunnels[1].ike.ikeLifetime = 86400;
      }),
    );
    expect(findings.map((f) => f.path)).toEqual([
      'connections[0].tunnels[0].ike.ikeAuthAlg',
      'connections[1].tunnels[1].ike.ikeLifetime',
      'connections[1].tunnels[1].ike.ikeLifetime',
    ]);
    expect(findings[0].message).toContain('default "md5"');
    expect(findings[0].fix).toBe('"sha256" (the plan\'s policy).');
    expect(findings[2].message).toContain('outside what AWS accepts for phase 1 (900–28800)');
  });

  test('C40: two local ASNs on one connection are an error', () => {
    const findings = run(
      AlibabaIkeIpsecExplicit,
      mutate(compliant, (d) => {
        d.connections[1].tunnels[1].bgp.localAsn = 65100;
      }),
    );
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([['connections[1].tunnels', ['C40']]]);
  });
});

describe('AlibabaCustomerGatewayAsn (C41)', () => {
  test('C41: 45104 on a customer gateway is refused with the fix', () => {
    // planVpn refuses aws.asn 45104 already (C08: not private); the design rule holds on its own.
    const p = { ...plan(), aws: { asn: 45104 } };
    const findings = run(AlibabaCustomerGatewayAsn, alibabaDesign(p, peer({ localAsn: 65001 }), { awsTunnels: awsTunnels(p) }));
    expect(findings).toHaveLength(4);
    expect(findings[0]).toMatchObject({ path: 'customerGateways.cgw-aws1-tunnel1.asn', catalogue: ['C41'], level: 'error' });
    expect(findings[0].message).toContain("Alibaba Cloud's own ASN");
    expect(findings[0].fix).toContain('the AWS ASN');
  });

  test('C41: the customer gateway ASN equal to the local ASN is refused; different ASNs pass', () => {
    expect(run(AlibabaCustomerGatewayAsn, fullDesign({}, { localAsn: 64512 })).map((f) => f.path)).toHaveLength(4);
    expect(run(AlibabaCustomerGatewayAsn, fullDesign({}, { localAsn: 65001 }))).toEqual([]);
  });
});

describe('AlibabaOneOperationAtATime (C42)', () => {
  test('C42: a design whose second connection does not wait for the first is an error', () => {
    const findings = run(
      AlibabaOneOperationAtATime,
      mutate(compliant, (d) => {
        delete d.connections[1].after;
      }),
    );
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([['connections[1].after', ['C42']]]);
    expect(findings[0].fix).toBe("after: 'ipsec-1'.");
  });

  const graph = (second: string[]): AlibabaResourceGraph => ({
    resources: [
      { type: 'alicloud:vpn/gateway:Gateway', name: 'gw', dependsOn: [] },
      { type: CONNECTION_TYPE, name: 'c1', gateway: 'gw', dependsOn: [] },
      { type: 'alicloud:vpn/customerGateway:CustomerGateway', name: 'cgw', dependsOn: ['c1'] },
      { type: CONNECTION_TYPE, name: 'c2', gateway: 'gw', dependsOn: second },
      { type: CONNECTION_TYPE, name: 'other', gateway: 'gw2', dependsOn: [] },
    ],
  });

  test('C42: on the resource graph, connections of one gateway must be ordered (directly or through another resource)', () => {
    const rules = [AlibabaOneOperationAtATime];
    expect(checkAlibabaGraph(graph(['c1']), rules)).toEqual([]);
    expect(checkAlibabaGraph(graph(['cgw']), rules)).toEqual([]);
    const findings = checkAlibabaGraph(graph([]), rules);
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([['c2', ['C42']]]);
    expect(findings[0].message).toContain('c1 and c2 on gateway gw do not wait for each other');
  });
});
