/**
 * The diagnosis over a state read (pure): for each run-time row D01–D10 of the catalogue, a healthy
 * control and one case per documented cause that the state can show. Each case asserts the row
 * named, the cause the evidence points at, the evidence shown and the exit code. Causes no API
 * shows (a key mismatch, the peer's firewall, a proxy) stay listed in the documented order.
 */
import { D_ROWS, D_ROW_IDS, diagnose, type Diagnosis, type DiagnosisId, type DoctorFinding } from '../../lib/doctor';
import { PLAN, READ_AT, VGW, healthyState, stateWith } from './fixtures';

const T1 = PLAN.tunnels[0]; // Instance0Tunnel1: connection 1 tunnel 1, Azure instance 0
const PEER = PLAN.azure.vnetCidr;

function findingsOf(d: Diagnosis, id: DiagnosisId): DoctorFinding[] {
  return d.findings.filter((f) => f.id === id);
}
function one(d: Diagnosis, id: DiagnosisId, tunnelId?: string): DoctorFinding {
  const found = findingsOf(d, id).filter((f) => tunnelId === undefined || f.tunnelId === tunnelId);
  expect(found).toHaveLength(1);
  return found[0];
}
const indicated = (f: DoctorFinding) => f.causes.filter((c) => c.indicated).map((c) => c.key);
const evidence = (f: DoctorFinding) => f.evidence.join('\n');

/** Tunnel T1's IPsec is down on both sides; everything else as configured. */
function ipsecDown(s: Parameters<Parameters<typeof stateWith>[0]>[0]): void {
  Object.assign(s.aws!.tunnels![T1.id], { status: 'DOWN', statusMessage: 'IPSEC IS DOWN', acceptedRouteCount: 0 });
  s.azure!.connections![T1.id].connectionStatus = 'NotConnected';
  s.azure!.bgpPeers![0].state = 'Connecting';
}

describe('healthy control', () => {
  const d = diagnose(PLAN, healthyState());
  it('reports no finding, one row per tunnel with both sides up, exit 0', () => {
    expect(d.findings).toEqual([]);
    expect(d.exitCode).toBe(0);
    expect(d.tunnels.map((t) => [t.tunnelId, t.awsStatus, t.azureStatus, t.awsBgp, t.azureBgp, t.routesAccepted, t.routesLearned])).toEqual(
      PLAN.tunnels.map((t) => [t.id, 'UP', 'Connected', 'up', 'Connected', 1, 1]),
    );
  });
  it.each(D_ROW_IDS)('%s: no finding on the healthy state', (id) => {
    expect(findingsOf(d, id)).toEqual([]);
  });
  it('every finding lists all causes of its row in the catalogue order, with their C rows', () => {
    const broken = diagnose(PLAN, stateWith(ipsecDown));
    for (const f of broken.findings) {
      expect(f.causes.map((c) => [c.key, c.check])).toEqual(D_ROWS[f.id].causes.map((c) => [c.key, c.check]));
      expect(f.symptom).toBe(D_ROWS[f.id].symptom);
    }
  });
  it('is pure: the state is not changed and the same state gives the same diagnosis (a pure function, as the twin per-tunnel mapping is)', () => {
    const state = stateWith(ipsecDown);
    const before = JSON.stringify(state);
    expect(diagnose(PLAN, state)).toEqual(diagnose(PLAN, JSON.parse(before)));
    expect(JSON.stringify(state)).toBe(before);
  });
});

describe('D01 tunnel DOWN, IKE phase 1 never completes', () => {
  it('cause 1, the pre-shared key (C22): nothing else differs, so the key stays the first suspect', () => {
    const d = diagnose(PLAN, stateWith(ipsecDown));
    const f = one(d, 'D01', T1.id);
    expect(indicated(f)).toEqual(['psk']);
    expect(f.causes[0]).toMatchObject({ key: 'psk', check: ['C22'] });
    expect(evidence(f)).toContain('DOWN "IPSEC IS DOWN"');
    expect(evidence(f)).toContain(`cn-${PLAN.name}-${T1.id}: NotConnected`);
    expect(d.exitCode).toBe(1);
  });
  it('cause 2, IKE parameters differ (C24): DH group and IKE version shown side by side', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        ipsecDown(s);
        s.azure!.connections![T1.id].ipsecPolicies[0].dhGroup = 'ECP384';
        s.azure!.connections![T1.id].connectionProtocol = 'IKEv1';
      }),
    );
    const f = one(d, 'D01', T1.id);
    expect(indicated(f)).toEqual(['ike']);
    expect(evidence(f)).toContain('phase 1 DH group: Azure ECP384, AWS offers 14');
    expect(evidence(f)).toContain('IKE version: Azure IKEv1, AWS offers ikev2');
    expect(d.exitCode).toBe(1);
  });
  it("cause 3, the peer's public IP unreachable (C27): the customer gateway points elsewhere", () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        ipsecDown(s);
        s.aws!.tunnels![T1.id].customerGatewayIp = '203.0.113.99';
      }),
    );
    const f = one(d, 'D01', T1.id);
    expect(indicated(f)).toEqual(['reach']);
    expect(evidence(f)).toContain("points at 203.0.113.99; Azure instance 0's public IP is 203.0.113.10");
    expect(d.exitCode).toBe(1);
  });
});

describe('D01 without the AWS message', () => {
  it('AWS DOWN with an empty status message and Azure NotConnected is IPsec down (D01), not BGP (D03)', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        ipsecDown(s);
        s.aws!.tunnels![T1.id].statusMessage = '';
      }),
    );
    expect(indicated(one(d, 'D01', T1.id))).toEqual(['psk']);
    expect(findingsOf(d, 'D03')).toEqual([]);
  });
});

describe('D02 phase 1 up, phase 2 fails', () => {
  it('cause 1, phase 2 PFS group differs (C24): D02, not D01', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        ipsecDown(s);
        s.azure!.connections![T1.id].ipsecPolicies[0].pfsGroup = 'PFS24';
      }),
    );
    const f = one(d, 'D02', T1.id);
    expect(indicated(f)).toEqual(['phase2']);
    expect(evidence(f)).toContain('phase 2 PFS group: Azure PFS24, AWS offers 14');
    expect(findingsOf(d, 'D01')).toEqual([]);
    expect(d.exitCode).toBe(1);
  });
  it('cause 2, policy-based traffic selectors (C26)', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        ipsecDown(s);
        s.azure!.connections![T1.id].usePolicyBasedTrafficSelectors = true;
      }),
    );
    const f = one(d, 'D02', T1.id);
    expect(indicated(f)).toEqual(['selectors']);
    expect(evidence(f)).toContain('usePolicyBasedTrafficSelectors true');
    expect(d.exitCode).toBe(1);
  });
});

describe('D03 IPsec up, tunnel DOWN on AWS (BGP)', () => {
  /** IPsec up (Azure Connected, no "IPSEC IS DOWN"), AWS DOWN, the BGP peer not up. */
  const bgpDown = (s: Parameters<Parameters<typeof stateWith>[0]>[0]) => {
    Object.assign(s.aws!.tunnels![T1.id], { status: 'DOWN', statusMessage: '', acceptedRouteCount: 0 });
    s.azure!.bgpPeers![0].state = 'Connecting';
  };
  it('cause 1, BGP off on the connection (C12)', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        bgpDown(s);
        s.azure!.connections![T1.id].enableBgp = false;
      }),
    );
    const f = one(d, 'D03', T1.id);
    expect(indicated(f)).toEqual(['bgp-down']);
    expect(evidence(f)).toContain('enableBgp false');
    expect(findingsOf(d, 'D01')).toEqual([]);
    expect(d.exitCode).toBe(1);
  });
  it('cause 2, peer addresses disagree (C05, C13): the connection uses the first APIPA address', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        bgpDown(s);
        s.azure!.connections![T1.id].customBgpIps[0].address = '169.254.22.2';
        s.azure!.bgpPeers![0].localAddress = '169.254.22.2';
      }),
    );
    const f = one(d, 'D03', T1.id);
    expect(indicated(f)).toEqual(['bgp-address']);
    expect(evidence(f)).toContain(`Azure peers with ${T1.awsBgpIp} from 169.254.22.2, the plan's Azure address is ${T1.azureBgpIp}`);
    expect(d.exitCode).toBe(1);
  });
  it('cause 3, ASNs disagree (C11)', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        bgpDown(s);
        s.azure!.bgpPeers![0].asn = 65010;
      }),
    );
    const f = one(d, 'D03', T1.id);
    expect(indicated(f)).toEqual(['bgp-asn']);
    expect(evidence(f)).toContain(`Azure expects ASN 65010 at ${T1.awsBgpIp}, the AWS gateway's ASN is ${PLAN.aws.asn}`);
    expect(d.exitCode).toBe(1);
  });
});

describe('D04 BGP up, no routes', () => {
  it('cause 1, the peer advertises no prefix: AWS accepted 0, Azure advertises nothing to it', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        Object.assign(s.aws!.tunnels![T1.id], { statusMessage: '0 BGP ROUTES', acceptedRouteCount: 0 });
        (s.azure!.advertisedRoutes as Record<string, unknown[]>)[T1.awsBgpIp] = [];
      }),
    );
    const f = one(d, 'D04', T1.id);
    expect(indicated(f)).toEqual(['no-prefix']);
    expect(evidence(f)).toContain('0 routes accepted');
    expect(evidence(f)).toContain(`Azure advertises no prefix to ${T1.awsBgpIp}`);
    expect(d.tunnels[0].routesAccepted).toBe(0);
    expect(d.exitCode).toBe(1);
  });
  it('cause 1 seen from Azure: the BGP peer is Connected but nothing is learned from it', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.azure!.learnedRoutes = s.azure!.learnedRoutes!.filter((r) => r.sourcePeer !== T1.awsBgpIp);
      }),
    );
    const f = one(d, 'D04', T1.id);
    expect(evidence(f)).toContain(`Azure learned 0 route(s) from ${T1.awsBgpIp}`);
    expect(d.tunnels[0].routesLearned).toBe(0);
    expect(d.exitCode).toBe(1);
  });
  it('cause 2, overlapping CIDRs (C18): Azure advertises a prefix inside the VPC', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        Object.assign(s.aws!.tunnels![T1.id], { acceptedRouteCount: 0 });
        (s.azure!.advertisedRoutes as Record<string, unknown[]>)[T1.awsBgpIp] = [{ network: '10.2.8.0/24', origin: 'Igp' }];
      }),
    );
    const f = one(d, 'D04', T1.id);
    expect(indicated(f)).toEqual(['overlap']);
    expect(evidence(f)).toContain(`Azure advertises 10.2.8.0/24 to ${T1.awsBgpIp}, inside the VPC ${PLAN.aws.vpcCidr}`);
    expect(d.exitCode).toBe(1);
  });
});

describe('D05 routes learned, VPC traffic does not arrive', () => {
  it('cause 1 (C28): the only route table neither propagates from the VGW nor routes to it', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        const t = s.aws!.routeTables![0];
        t.propagatingGateways = [];
        t.routes = t.routes.filter((r) => r.target !== VGW);
      }),
    );
    const f = one(d, 'D05');
    expect(indicated(f)).toEqual(['route-table']);
    expect(evidence(f)).toContain(
      `route table rtb-0private0000000001 (subnets subnet-0private000000001): no propagation from ${VGW} and no route to ${PEER} via it`,
    );
    expect(d.exitCode).toBe(1);
  });
  it('cause 1 (C28) for chosen subnets: every chosen table must reach the gateway; a blackhole is shown', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.subnetsChosen = true;
        s.aws!.routeTables!.push({
          id: 'rtb-0second00000000002',
          subnetIds: ['subnet-0second00000002'],
          main: false,
          propagatingGateways: [],
          routes: [{ destination: PEER, target: VGW, state: 'blackhole', origin: 'CreateRoute' }],
        });
      }),
    );
    const f = one(d, 'D05');
    expect(evidence(f)).toContain('rtb-0second00000000002');
    expect(evidence(f)).toContain(`route ${PEER} is a blackhole`);
    expect(evidence(f)).not.toContain('rtb-0private0000000001');
  });
  it('control: without chosen subnets, one table reaching the gateway is enough (a public subnet may not)', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.routeTables!.push({
          id: 'rtb-0public000000000003',
          subnetIds: ['subnet-0public00000003'],
          main: true,
          propagatingGateways: [],
          routes: [],
        });
      }),
    );
    expect(findingsOf(d, 'D05')).toEqual([]);
  });
  const tgw = 'tgw-0123456789abcdef0';
  const onTgw = (s: Parameters<Parameters<typeof stateWith>[0]>[0], served: boolean) => {
    s.aws!.targetKind = 'tgw';
    s.aws!.targetId = tgw;
    const t = s.aws!.routeTables![0];
    t.propagatingGateways = [];
    t.routes = [{ destination: PEER, target: tgw, state: 'active', origin: 'CreateRoute' }];
    s.aws!.transitGateway = {
      vpnEcmpSupport: true,
      vpnAttachmentIds: ['tgw-attach-0vpn00000000001', 'tgw-attach-0vpn00000000002'],
      routeTables: [{
        id: 'tgw-rtb-0main0000000001',
        routes: [],
        propagatingAttachments: served ? ['tgw-attach-0vpn00000000001'] : [],
        associatedAttachments: [],
      }],
    };
  };
  it('cause 2 (C29): on a TGW, no route or propagation from the VPN attachments in any TGW route table', () => {
    const d = diagnose(PLAN, stateWith((s) => onTgw(s, false)));
    const f = one(d, 'D05');
    expect(indicated(f)).toEqual(['tgw-route-table']);
    expect(evidence(f)).toContain(
      `transit gateway ${tgw}: no route table has a route to ${PEER} or propagation from the VPN attachments tgw-attach-0vpn00000000001, tgw-attach-0vpn00000000002`,
    );
    expect(d.exitCode).toBe(1);
  });
  it('control: a TGW route table propagating a VPN attachment, and a static VPC route to the TGW', () => {
    expect(findingsOf(diagnose(PLAN, stateWith((s) => onTgw(s, true))), 'D05')).toEqual([]);
  });
});

describe('D06 tunnel and routes fine, a port or ping fails', () => {
  it('cause 1 (C30): a security group admits nothing from the peer CIDR', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.securityGroups![0].ingress = [{
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrs: [PLAN.aws.vpcCidr],
          prefixListIds: [],
          groupIds: [],
        }];
      }),
    );
    const f = one(d, 'D06');
    expect(indicated(f)).toEqual(['sg-nacl']);
    expect(evidence(f)).toContain(`security group sg-0app00000000000001: no inbound rule admits ${PEER}`);
    expect(d.exitCode).toBe(1);
  });
  it('cause 1 (C30): a network ACL denies the peer CIDR before any allow', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.networkAcls![0].entries.unshift({ ruleNumber: 50, egress: false, allow: false, cidr: PEER, protocol: '-1' });
      }),
    );
    expect(evidence(one(d, 'D06'))).toContain(
      `network ACL acl-0default000000001 (subnets subnet-0private000000001): inbound from ${PEER} denied by rule 50 deny ${PEER}`,
    );
  });
  it('cause 1 (C30): a network ACL blocks the return traffic on 1024–65535', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.networkAcls![0].entries.unshift({
          ruleNumber: 90,
          egress: true,
          allow: false,
          cidr: PEER,
          protocol: '6',
          fromPort: 1024,
          toPort: 65535,
        });
      }),
    );
    const f = one(d, 'D06');
    expect(evidence(f)).toContain(
      `network ACL acl-0default000000001: return traffic outbound to ${PEER} on TCP 1024–65535 blocked by rule 90 deny ${PEER} ports 1024-65535`,
    );
    expect(evidence(f)).not.toContain('inbound from');
  });
  it("cause 2, the peer's NSG/firewall, is listed second: doctor cannot read it (README manual checks)", () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.securityGroups![0].ingress = [];
      }),
    );
    expect(one(d, 'D06').causes.map((c) => [c.key, c.indicated])).toEqual([['sg-nacl', true], ['peer-firewall', false]]);
  });
});

describe('D07 traffic on one tunnel only', () => {
  it('cause 1, a VGW prefers one tunnel: a notice (documented behaviour), exit 0', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        for (const t of PLAN.tunnels.slice(1)) s.azure!.connections![t.id].ingressBytes = 0;
      }),
    );
    const f = one(d, 'D07');
    expect(f.severity).toBe('notice');
    expect(indicated(f)).toEqual(['vgw-prefers-one']);
    expect(evidence(f)).toContain(`cn-${PLAN.name}-${T1.id}: 1000000 bytes in from AWS`);
    expect(d.exitCode).toBe(0);
  });
  it('cause 2, a TGW with VPN ECMP off (C29): a problem, exit 1', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.targetKind = 'tgw';
        s.aws!.targetId = 'tgw-0123456789abcdef0';
        s.aws!.routeTables![0].routes.push({ destination: PEER, target: 'tgw-0123456789abcdef0', state: 'active' });
        s.aws!.transitGateway = {
          vpnEcmpSupport: false,
          vpnAttachmentIds: ['tgw-attach-0vpn00000000001'],
          routeTables: [{ id: 'tgw-rtb-1', routes: [], propagatingAttachments: ['tgw-attach-0vpn00000000001'], associatedAttachments: [] }],
        };
      }),
    );
    const f = one(d, 'D07');
    expect(f.severity).toBe('problem');
    expect(indicated(f)).toEqual(['tgw-ecmp-off']);
    expect(evidence(f)).toContain('VpnEcmpSupport disable, 4 tunnels UP');
    expect(d.exitCode).toBe(1);
  });
});

describe('D08 Azure connection or BGP peer not Connected', () => {
  it('cause 1, as D01–D03 on the Azure side: the connection is Connecting while AWS is unread', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        delete s.aws;
        s.unreadable.push({ cloud: 'aws', what: 'AWS state', reason: 'no credentials' });
        s.azure!.connections![T1.id].connectionStatus = 'Connecting';
      }),
    );
    const f = one(d, 'D08', T1.id);
    expect(indicated(f)).toEqual(['as-d01-d03']);
    expect(evidence(f)).toContain(`Azure connection cn-${PLAN.name}-${T1.id}: Connecting`);
    expect(d.exitCode).toBe(1);
  });
  it('cause 2 (C13): the connection lacks a custom BGP address per instance', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        ipsecDown(s);
        s.azure!.connections![T1.id].customBgpIps = [{ ipConfiguration: 'ipconfig0', address: T1.azureBgpIp }];
      }),
    );
    const f = one(d, 'D08', T1.id);
    expect(indicated(f)).toEqual(['custom-bgp-ip']);
    expect(evidence(f)).toContain('has 1 custom BGP address(es) (gatewayCustomBgpIpAddresses), needs one per instance: 169.254.21.2, 169.254.21.6');
    expect(d.exitCode).toBe(1);
  });
  it('a BGP peer not Connected while the connection is Connected', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.azure!.bgpPeers![3].state = 'Idle';
      }),
    );
    expect(evidence(one(d, 'D08', PLAN.tunnels[3].id))).toContain(
      `Azure BGP peer ${PLAN.tunnels[3].awsBgpIp} (ASN ${PLAN.aws.asn}) from ${PLAN.tunnels[3].azureBgpIp}: Idle`,
    );
  });
});

describe('D09 a tunnel flaps when idle', () => {
  it('cause 1 (C20): AWS StartupAction add facing a ResponderOnly Azure connection: nobody starts', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.tunnels![T1.id].options.startupAction = 'add';
      }),
    );
    const f = one(d, 'D09', T1.id);
    expect(indicated(f)).toEqual(['no-initiator']);
    expect(evidence(f)).toContain('StartupAction add and Azure connection');
    expect(evidence(f)).toContain('ResponderOnly: neither side starts IKE');
    expect(d.exitCode).toBe(1);
  });
  it('cause 1 (C21): dead-peer detection shorter than AWS allows', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.tunnels![T1.id].options.dpdTimeoutSeconds = 10;
      }),
    );
    expect(evidence(one(d, 'D09', T1.id))).toContain('DPD timeout 10 s (< 30)');
  });
  it('cause 2: Azure is the only initiator and the tunnel went down minutes ago', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        ipsecDown(s);
        s.aws!.tunnels![T1.id].options.startupAction = 'add';
        s.aws!.tunnels![T1.id].lastStatusChange = new Date(Date.parse(READ_AT) - 120_000).toISOString();
        s.azure!.connections![T1.id].connectionMode = 'InitiatorOnly';
      }),
    );
    const f = one(d, 'D09', T1.id);
    expect(indicated(f)).toEqual(['idle']);
    expect(evidence(f)).toContain('(120 s before the read) with StartupAction add; Azure (InitiatorOnly) is the only initiator');
    expect(d.exitCode).toBe(1);
  });
});

describe('D10 S3/DynamoDB through a gateway endpoint fails', () => {
  it.each(
    [
      ['region', (s: Parameters<Parameters<typeof stateWith>[0]>[0]) => {
        s.aws!.gatewayEndpoints![0].serviceName = 'com.amazonaws.eu-west-1.s3';
      }, 'is in eu-west-1, doctor reads us-east-1'],
      ['route-table', (s: Parameters<Parameters<typeof stateWith>[0]>[0]) => {
        s.aws!.gatewayEndpoints![0].routeTableIds = [];
      }, 'is not associated with route table(s) rtb-0private0000000001'],
      ['dns', (s: Parameters<Parameters<typeof stateWith>[0]>[0]) => {
        s.aws!.enableDnsSupport = false;
      }, 'has enableDnsSupport false'],
      ['sg-nacl', (s: Parameters<Parameters<typeof stateWith>[0]>[0]) => {
        s.aws!.securityGroups![0].egress = [{
          protocol: 'tcp',
          fromPort: 5432,
          toPort: 5432,
          cidrs: ['10.0.0.0/8'],
          prefixListIds: [],
          groupIds: [],
        }];
      }, 'no outbound rule allows 443 to pl-63a5400a or 0.0.0.0/0'],
      ['policy', (s: Parameters<Parameters<typeof stateWith>[0]>[0]) => {
        s.aws!.gatewayEndpoints![0].policyRestricts = true;
      }, 'has a restrictive policy'],
    ] as const,
  )('cause %s', (cause, change, shown) => {
    const d = diagnose(PLAN, stateWith(change));
    const f = one(d, 'D10');
    expect(indicated(f)).toEqual([cause]);
    expect(evidence(f)).toContain(shown);
    expect(d.exitCode).toBe(1);
  });
  it('cause sg-nacl: a network ACL denying 443 out', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.networkAcls![0].entries.unshift({
          ruleNumber: 10,
          egress: true,
          allow: false,
          cidr: '0.0.0.0/0',
          protocol: '6',
          fromPort: 443,
          toPort: 443,
        });
      }),
    );
    expect(evidence(one(d, 'D10'))).toContain('outbound 443 rule 10 deny 0.0.0.0/0 ports 443-443');
  });
  it('proxy and traffic from the peer (C33) are listed in order; no API shows them', () => {
    const f = one(
      diagnose(
        PLAN,
        stateWith((s) => {
          s.aws!.enableDnsSupport = false;
        }),
      ),
      'D10',
    );
    expect(f.causes.map((c) => c.key)).toEqual(['region', 'route-table', 'dns', 'sg-nacl', 'policy', 'proxy', 'from-peer']);
    expect(f.causes.find((c) => c.key === 'from-peer')!.check).toEqual(['C33']);
  });
  it('control: no gateway endpoint in the VPC, no D10 even with DNS off', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        s.aws!.gatewayEndpoints = [];
        s.aws!.enableDnsSupport = false;
      }),
    );
    expect(findingsOf(d, 'D10')).toEqual([]);
  });
});

describe('what could not be read', () => {
  it('nothing found but something unread: exit 2, the unread listed', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        delete s.azure;
        s.unreadable.push({
          cloud: 'azure',
          what: 'Azure state',
          code: 'CredentialUnavailableError',
          reason: 'no credential',
          needs: 'Azure credentials',
        });
      }),
    );
    expect(d.findings).toEqual([]);
    expect(d.exitCode).toBe(2);
    expect(d.unreadable).toHaveLength(1);
    expect(d.tunnels[0]).toMatchObject({ awsStatus: 'UP', azureStatus: undefined, routesLearned: undefined });
  });
  it('a finding on the side that was read still gives exit 1', () => {
    const d = diagnose(
      PLAN,
      stateWith((s) => {
        delete s.azure;
        s.unreadable.push({ cloud: 'azure', what: 'Azure state', reason: 'unreachable' });
        Object.assign(s.aws!.tunnels![T1.id], { status: 'DOWN', statusMessage: 'IPSEC IS DOWN' });
      }),
    );
    expect(one(d, 'D01', T1.id)).toBeDefined();
    expect(d.exitCode).toBe(1);
  });
});
