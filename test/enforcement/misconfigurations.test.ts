/**
 * "A stack with any single documented misconfiguration fails synthesis with a message naming the
 * rule, the construct path and the fix." Each case starts from a compliant stack built with
 * AzureVpnConnections on the documented plan (seed 004), changes ONE thing the way a user could
 * (an L1 property override, or one added resource), and checks through the Aspect's annotations that
 * exactly that rule reports, on the construct the change is about, with its fix.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ExampleStack } from '../../bin/example-stack';
import type { AzureVpnConnections } from '../../lib/aws-entry';
import { MulticloudVpnChecks, VpnRulesAspect } from '../../lib/enforcement';
import { enforcementRuleId } from '../../lib/enforcement/aspect';
import { type ResolvedPlan } from '../../lib/plan';
import { loadPlanFile } from '../../lib/check/file';
import { RULES } from '../../lib/check/registry';
import type { CatalogueNumber, Level } from '../../lib/core/finding';

const PLAN_FILE = `${__dirname}/../../vpn-plan.json`;
const AZURE_IPS: readonly [string, string] = ['20.10.0.1', '20.10.0.2'];
/** Not a key: a Secrets Manager reference of a secret that does not exist, used twice. */
const SHARED_SECRET_REFERENCE = '{{resolve:secretsmanager:shared-by-two-tunnels:SecretString}}';

interface CompliantStack {
  readonly app: App;
  readonly stack: Stack;
  readonly plan: ResolvedPlan;
  readonly vpc: ec2.Vpc;
  readonly vpn: AzureVpnConnections;
}

/**
 * The example app's stack (bin/example-stack.ts): a VPC with public and isolated subnets in two AZs
 * and the construct on the documented plan; with `s3Endpoints`, also an S3 gateway endpoint on every route
 * table and an S3 interface endpoint, so that Azure hosts have a way to S3 (C31–C33 compliant).
 */
function compliantStack(options: { readonly s3Endpoints?: boolean; } = {}): CompliantStack {
  const app = new App();
  const plan = loadPlanFile(PLAN_FILE);
  const stack = new ExampleStack(app, 'Test', { plan, azureGatewayPublicIps: AZURE_IPS });
  const { vpc, vpn } = stack;
  if (options.s3Endpoints) {
    vpc.addGatewayEndpoint('S3Gateway', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    // open: false: no ingress rule of its own, so its security group does not concern C30.
    vpc.addInterfaceEndpoint('S3Interface', { service: ec2.InterfaceVpcEndpointAwsService.S3, open: false });
  }
  VpnRulesAspect.enable(app);
  return { app, stack, plan, vpc, vpn };
}

interface Case {
  readonly catalogue: CatalogueNumber;
  readonly ruleId: string;
  readonly level: Level;
  /** The construct the annotation must be on. */
  readonly path: string;
  /** What the change is, in the user's words. */
  readonly change: string;
  /** What the fix must say: the valid value or the setting to use. */
  readonly fix: RegExp;
  readonly s3Endpoints?: boolean;
  /** Other rules that the same change rightly triggers, with why; none unless stated. */
  readonly alsoReported?: readonly string[];
  readonly mutate: (s: CompliantStack) => void;
}

const connection = (s: CompliantStack, n: 1 | 2) => s.vpn.connections[n - 1];

/**
 * C11's and C20's cfn checks find a connection's customer gateway (and C11 its VGW) through `Ref`
 * only (`refTarget`); the construct writes `Fn::GetAtt [CustomerGateway, CustomerGatewayId]`, so the
 * checks skip its connections. The fix belongs in the rules (follow `Fn::GetAtt` too: `targetOf`).
 */

const CASES: readonly Case[] = [
  {
    catalogue: 'C01',
    ruleId: 'InsideCidrIsApipaSlash30',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'a tunnel inside CIDR with host bits set',
    fix: /169\.254\.21\.0\/30/,
    mutate: (s) => connection(s, 1).addPropertyOverride('VpnTunnelOptionsSpecifications.0.TunnelInsideCidr', '169.254.21.1/30'),
  },
  {
    catalogue: 'C02',
    ruleId: 'InsideCidrNotReserved',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'a reserved inside CIDR',
    fix: /outside the reserved blocks/,
    mutate: (s) => connection(s, 1).addPropertyOverride('VpnTunnelOptionsSpecifications.0.TunnelInsideCidr', '169.254.5.0/30'),
  },
  {
    catalogue: 'C04',
    ruleId: 'InsideCidrUnique',
    level: 'error',
    path: '/Test/AzureVpn/Connection2',
    change: 'connection 2 reuses the inside CIDR of connection 1 tunnel 1',
    fix: /a \/30 no other tunnel .* uses/,
    mutate: (s) => connection(s, 2).addPropertyOverride('VpnTunnelOptionsSpecifications.0.TunnelInsideCidr', '169.254.21.0/30'),
  },
  {
    catalogue: 'C06',
    ruleId: 'TunnelInsideIpv4OnVgw',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'IPv6 tunnel inside addresses on a VGW',
    fix: /TunnelInsideIpVersion 'ipv4'/,
    mutate: (s) => {
      connection(s, 1).tunnelInsideIpVersion = 'ipv6';
    },
  },
  {
    catalogue: 'C08',
    ruleId: 'VgwAsnIsPrivate',
    level: 'error',
    path: '/Test/AzureVpn/VpnGateway',
    change: 'a public Amazon side ASN',
    fix: /64512/,
    mutate: (s) => {
      s.vpn.vpnGateway!.amazonSideAsn = 64000;
    },
  },
  {
    catalogue: 'C09',
    ruleId: 'CustomerGatewayAsnValid',
    level: 'error',
    path: '/Test/AzureVpn/CustomerGatewayInstance0',
    change: 'a customer gateway ASN that AWS rejects (7224)',
    fix: /other than 7224/,
    mutate: (s) => {
      s.vpn.customerGateways[0].bgpAsn = 7224;
    },
  },
  {
    catalogue: 'C11',
    ruleId: 'PeerAsnsMatch',
    level: 'error',
    path: '/Test/AzureVpn/CustomerGatewayInstance0',
    change: "the customer gateway carries the VGW's own ASN",
    fix: /65000/,
    mutate: (s) => {
      s.vpn.customerGateways[0].bgpAsn = 64512;
    },
  },
  {
    catalogue: 'C12',
    ruleId: 'RoutingIsDynamicBgp',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'static routing',
    fix: /StaticRoutesOnly false/,
    mutate: (s) => {
      connection(s, 1).staticRoutesOnly = true;
    },
  },
  {
    catalogue: 'C15',
    ruleId: 'FourTunnelTopology',
    level: 'error',
    path: '/Test/AzureVpn/VpnGateway',
    change: 'both connections on the customer gateway of instance 0',
    fix: /two customer gateways/,
    mutate: (s) => {
      connection(s, 2).customerGatewayId = s.vpn.customerGateways[0].attrCustomerGatewayId;
    },
  },
  {
    catalogue: 'C19',
    ruleId: 'VpnQuotas',
    level: 'error',
    path: '/Test/SecondVpnGatewayAttachment',
    change: 'a second virtual private gateway attached to the VPC',
    fix: /one VGW per VPC/,
    // The second gateway routes to no route table: C28's warning on each table is right too.
    alsoReported: ['RouteTablesRouteToVpnGateway'],
    mutate: (s) => {
      const second = new ec2.CfnVPNGateway(s.stack, 'SecondVpnGateway', { type: 'ipsec.1', amazonSideAsn: 64513 });
      new ec2.CfnVPCGatewayAttachment(s.stack, 'SecondVpnGatewayAttachment', { vpcId: s.vpc.vpcId, vpnGatewayId: second.attrVpnGatewayId });
    },
  },
  {
    catalogue: 'C20',
    ruleId: 'TunnelHasInitiator',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: "StartupAction 'add' towards a ResponderOnly Azure connection",
    fix: /StartupAction 'start'/,
    mutate: (s) => connection(s, 1).addPropertyOverride('VpnTunnelOptionsSpecifications.1.StartupAction', 'add'),
  },
  {
    catalogue: 'C21',
    ruleId: 'DeadPeerDetectionOnBothEnds',
    level: 'error',
    path: '/Test/AzureVpn/Connection2',
    change: "DPDTimeoutAction 'clear' towards a ResponderOnly Azure connection (nobody restarts IKE after a timeout)",
    fix: /DPDTimeoutAction 'restart'/,
    mutate: (s) => connection(s, 2).addPropertyOverride('VpnTunnelOptionsSpecifications.0.DPDTimeoutAction', 'clear'),
  },
  {
    catalogue: 'C22',
    ruleId: 'PresharedKeyFormat',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'two tunnels share one pre-shared key',
    fix: /one secret .*per tunnel/,
    mutate: (s) => {
      connection(s, 1).addPropertyOverride('VpnTunnelOptionsSpecifications.0.PreSharedKey', SHARED_SECRET_REFERENCE);
      connection(s, 1).addPropertyOverride('VpnTunnelOptionsSpecifications.1.PreSharedKey', SHARED_SECRET_REFERENCE);
    },
  },
  {
    catalogue: 'C23',
    ruleId: 'NoPlaintextPresharedKey',
    level: 'error',
    path: '/Test/AzureVpn/Connection2',
    change: 'a tunnel without a Secrets Manager key (AWS would generate one outside Secrets Manager)',
    fix: /\{\{resolve:secretsmanager:/,
    mutate: (s) => connection(s, 2).addPropertyDeletionOverride('VpnTunnelOptionsSpecifications.0.PreSharedKey'),
  },
  {
    catalogue: 'C24',
    ruleId: 'IkeParametersMatch',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'phase 1 DH group 5, which AWS allows in phase 2 only',
    fix: /values from 2, 14,/,
    mutate: (s) => connection(s, 1).addPropertyOverride('VpnTunnelOptionsSpecifications.0.Phase1DHGroupNumbers', [{ Value: 5 }]),
  },
  {
    catalogue: 'C25',
    ruleId: 'UsesIkeV2',
    level: 'error',
    path: '/Test/AzureVpn/Connection2',
    change: 'a tunnel limited to IKEv1',
    fix: /ikev2/,
    mutate: (s) => connection(s, 2).addPropertyOverride('VpnTunnelOptionsSpecifications.1.IKEVersions', [{ Value: 'ikev1' }]),
  },
  {
    catalogue: 'C26',
    ruleId: 'RouteBasedSingleSaPair',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'a narrowed local network CIDR (policy-based traffic selectors)',
    fix: /0\.0\.0\.0\/0/,
    mutate: (s) => {
      connection(s, 1).localIpv4NetworkCidr = '10.2.0.0/16';
    },
  },
  {
    catalogue: 'C27',
    ruleId: 'NoAccelerationOnVgw',
    level: 'error',
    path: '/Test/AzureVpn/Connection1',
    change: 'acceleration on a VGW connection',
    fix: /EnableAcceleration false/,
    mutate: (s) => {
      connection(s, 1).enableAcceleration = true;
    },
  },
  {
    catalogue: 'C28',
    ruleId: 'RouteTablesRouteToVpnGateway',
    level: 'error',
    path: '/Test/Vpc/PrivateSubnet2/RouteTable',
    change: 'route propagation leaves out the route table of an isolated subnet',
    fix: /propagate the VGW routes to the route table/,
    mutate: (s) => {
      (s.vpn.node.findChild('RoutePropagation') as ec2.CfnVPNGatewayRoutePropagation).routeTableIds = [
        ...s.vpc.publicSubnets,
        s.vpc.isolatedSubnets[0],
      ].map((subnet) => subnet.routeTable.routeTableId);
    },
  },
  {
    catalogue: 'C30',
    ruleId: 'SecurityRulesAdmitPeerCidrs',
    level: 'warning',
    path: '/Test/VpcOnly/Resource',
    change: 'a security group that admits the VPC but not the Azure VNet',
    fix: /10\.1\.0\.0\/16/,
    mutate: (s) => new ec2.SecurityGroup(s.stack, 'VpcOnly', { vpc: s.vpc }).addIngressRule(ec2.Peer.ipv4(s.plan.aws.vpcCidr), ec2.Port.tcp(443)),
  },
  {
    catalogue: 'C31',
    ruleId: 'GatewayEndpointRouteTablesAndDns',
    level: 'warning',
    path: '/Test/Vpc/Resource',
    s3Endpoints: true,
    change: 'DNS support turned off in a VPC with a gateway endpoint',
    fix: /enableDnsSupport true/,
    mutate: (s) => {
      (s.vpc.node.defaultChild as ec2.CfnVPC).enableDnsSupport = false;
    },
  },
  {
    catalogue: 'C32',
    ruleId: 'GatewayEndpointTrafficAllowed',
    level: 'warning',
    path: '/Test/AzureOnlyEgress/Resource',
    s3Endpoints: true,
    change: 'a security group whose egress allows Azure only, not the S3 prefix list',
    fix: /prefix list on TCP 443/,
    mutate: (s) =>
      new ec2.SecurityGroup(s.stack, 'AzureOnlyEgress', { vpc: s.vpc, allowAllOutbound: false })
        .addEgressRule(ec2.Peer.ipv4(s.plan.azure.vnetCidr), ec2.Port.allTraffic()),
  },
  {
    catalogue: 'C33',
    ruleId: 'GatewayEndpointNotReachableOverVpn',
    level: 'warning',
    path: '/Test/Vpc/S3/Resource',
    change: 'an S3 gateway endpoint, and no interface endpoint, in the VPC that Azure reaches',
    fix: /interface endpoint/,
    mutate: (s) => s.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 }),
  },
  {
    catalogue: 'C43',
    ruleId: 'TunnelAlarmsConfigured',
    level: 'warning',
    path: '/Test/AzureVpn/Connection1',
    change: 'the TunnelState alarm of one tunnel removed',
    fix: /tunnelAlarms/,
    mutate: (s) => {
      s.vpn.node.tryRemoveChild('Instance0Tunnel2TunnelStateAlarm');
    },
  },
];

/** cfn-scope rules that no single change of the compliant stack can trigger, with why. */
const NOT_SINGLE_CHANGE: Readonly<Record<string, string>> = {
  TransitGatewayVpnRouting: 'C29 is about transit gateways: it needs a TGW, its attachment and a VPN connection moved onto it.',
};

/** Every MultiCloudVpn annotation of the stack, errors and warnings. */
function ourAnnotations(stack: Stack) {
  const annotations = Annotations.fromStack(stack);
  const ours = Match.stringLikeRegexp('^\\[MultiCloudVpn-');
  return [...annotations.findError('*', ours), ...annotations.findWarning('*', ours)].map((m) => ({
    level: m.level,
    path: m.id,
    text: String(m.entry.data),
  }));
}

function checkCase(c: Case): void {
  const s = compliantStack({ s3Endpoints: c.s3Endpoints });
  c.mutate(s);
  const found = ourAnnotations(s.stack);
  // Exactly this rule (plus any documented companion), nothing else.
  const ruleOf = (text: string) => /^\[MultiCloudVpn-(\w+) /.exec(text)?.[1];
  expect([...new Set(found.map((a) => ruleOf(a.text)))].sort()).toEqual([c.ruleId, ...(c.alsoReported ?? [])].sort());
  const own = found.filter((a) => ruleOf(a.text) === c.ruleId);
  // On the construct the change is about, at the rule's level.
  expect(own.map((a) => [a.path, a.level])).toContainEqual([c.path, c.level]);
  const annotation = own.find((a) => a.path === c.path)!;
  // Naming the rule with its catalogue numbers, the construct path, and the fix.
  const catalogue = RULES.find((rule) => rule.id === c.ruleId)!.catalogue.join(',');
  expect(annotation.text.startsWith(`[${enforcementRuleId(c.ruleId)} ${catalogue}] ${c.path.slice(1)}: `)).toBe(true);
  const fix = annotation.text.split(' Fix: ')[1];
  expect(fix).toMatch(c.fix);
}

describe('a single documented misconfiguration is reported by its rule, on its construct, with the fix', () => {
  test('the compliant stacks (with and without S3 endpoints) get no error annotation, and no MultiCloudVpn annotation at all', () => {
    for (const s3Endpoints of [false, true]) {
      const { stack } = compliantStack({ s3Endpoints });
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
      expect(ourAnnotations(stack)).toEqual([]);
    }
  });

  test('every cfn-scope rule of the registry has a case here, or a reason why one change cannot trigger it', () => {
    const covered = [...CASES.map((c) => c.ruleId), ...Object.keys(NOT_SINGLE_CHANGE)].sort();
    expect(covered).toEqual(RULES.filter((rule) => rule.cfn).map((rule) => rule.id).sort());
    for (const c of CASES) expect(RULES.find((rule) => rule.id === c.ruleId)?.catalogue).toContain(c.catalogue);
  });

  const named = (cases: readonly Case[]) => cases.map((c) => [`${c.catalogue}: ${c.change} → ${c.ruleId} ${c.level}`, c] as const);
  test.each(named(CASES))('%s', (_name, c) => checkCase(c));

  test('C01: with the cdk-nag pack registered, an error fails app.synth() with the rule id, the construct path and the fix', () => {
    const s = compliantStack();
    Validations.of(s.app).addPlugins(new MulticloudVpnChecks(s.app));
    CASES.find((c) => c.catalogue === 'C01')!.mutate(s);
    expect(() => s.app.synth()).toThrow(/MultiCloudVpn-InsideCidrIsApipaSlash30[\s\S]*Test\/AzureVpn\/Connection1[\s\S]*Fix: 169\.254\.21\.0\/30/);
  });
});
