import { SecretValue, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { PEER_TAGS } from '../../../lib/handoff/formats';
import { awsTunnelOptions } from '../../../lib/plan';
import { planVpn } from '../../../lib/check/validate';
import type { AzureView } from '../../../lib/peers/azure/view';
import { FourTunnelTopology } from '../../../lib/rules/topology/FourTunnelTopology';
import { checkCfn, RULES } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView, synthView } from '../fixtures';

const rule = [FourTunnelTopology];

interface TopologyOptions {
  readonly connections?: number;
  readonly tunnelsPerConnection?: number;
  readonly sameCustomerGateway?: boolean;
  readonly tagged?: boolean;
  /** The plan tag of connection `index` (several plans on one VGW); none when undefined. */
  readonly planOf?: (index: number) => string | undefined;
}

/** Seed 004's AWS half as L1 resources: one VGW, a customer gateway and a connection per Azure instance. */
function documentedTopology(stack: Stack, options: TopologyOptions = {}): void {
  const plan = planVpn();
  const vpc = new ec2.CfnVPC(stack, 'Vpc', { cidrBlock: plan.aws.vpcCidr });
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1', amazonSideAsn: plan.aws.asn });
  new ec2.CfnVPCGatewayAttachment(stack, 'VgwAttachment', { vpcId: vpc.ref, vpnGatewayId: vgw.ref });
  const tags = options.tagged === false ? [] : [{ key: PEER_TAGS.peerConnectionMode, value: plan.azure.connectionMode }];
  const customerGateways = [0, 1].map((instance) =>
    new ec2.CfnCustomerGateway(stack, `CustomerGateway${instance + 1}`, {
      type: 'ipsec.1',
      bgpAsn: plan.customerGatewayAsn,
      ipAddress: `203.0.113.${10 + instance}`,
      tags,
    })
  );
  for (let instance = 0; instance < (options.connections ?? 2); instance++) {
    const customerGateway = customerGateways[options.sameCustomerGateway ? 0 : instance % 2];
    const connection = new ec2.CfnVPNConnection(stack, `Connection${instance + 1}`, {
      type: 'ipsec.1',
      customerGatewayId: customerGateway.ref,
      vpnGatewayId: vgw.ref,
      staticRoutesOnly: false,
      localIpv4NetworkCidr: '0.0.0.0/0',
      remoteIpv4NetworkCidr: '0.0.0.0/0',
      tags: options.planOf?.(instance) === undefined ? undefined : [{ key: PEER_TAGS.plan, value: options.planOf(instance)! }],
    });
    const tunnels = plan.tunnels.filter((t) => t.azureInstance === instance % 2).slice(0, options.tunnelsPerConnection ?? 2);
    // The CloudFormation-cased tunnel options of lib/plan/ipsec.ts, as the AWS half passes them.
    connection.addPropertyOverride(
      'VpnTunnelOptionsSpecifications',
      tunnels.map((t) => ({
        ...awsTunnelOptions(plan.ipsec),
        TunnelInsideCidr: t.insideCidr,
        StartupAction: plan.aws.startupAction,
        PreSharedKey: SecretValue.secretsManager(`${plan.name}/${t.id}`, { jsonField: 'psk' }).unsafeUnwrap(),
      })),
    );
  }
}

function withConnection(index: number, change: Partial<AzureView['connections'][number]>): AzureView {
  const view = compliantAzureView();
  return { ...view, connections: view.connections.map((c, i) => (i === index ? { ...c, ...change } : c)) };
}

describe('FourTunnelTopology', () => {
  test('C15: the documented topology and the compliant Azure view have no finding', () => {
    expect(checkCfn(synthView((s) => documentedTopology(s)), rule)).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test('C12–C27: the documented topology passes every rule of C12–C27 (no error, no warning)', () => {
    const mine = RULES.filter((r) => r.catalogue.some((c) => Number(c.slice(1)) >= 12 && Number(c.slice(1)) <= 27));
    expect(mine.length).toBeGreaterThanOrEqual(16);
    expect(checkCfn(synthView((s) => documentedTopology(s)), mine)).toEqual([]);
  });

  test('C15: one connection toward Azure on the VGW is an error on the VGW', () => {
    const findings = checkCfn(synthView((s) => documentedTopology(s, { connections: 1 })), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Vgw', ruleId: 'FourTunnelTopology', catalogue: ['C15'], level: 'error' });
    expect(findings[0].message).toContain('1 VPN connection(s)');
  });

  test('C15: two plans on one VGW, each with its two connections, are not an error; the same four untagged are', () => {
    const twoPlans = checkCfn(synthView((s) => documentedTopology(s, { connections: 4, planOf: (i) => (i < 2 ? 'vpc-a' : 'vpc-b') })), rule);
    expect(twoPlans).toEqual([]);
    const untagged = checkCfn(synthView((s) => documentedTopology(s, { connections: 4 })), rule);
    expect(untagged).toEqual([expect.objectContaining({ path: 'Vgw', catalogue: ['C15'], message: expect.stringContaining('4 VPN connection(s)') })]);
  });

  test('C15: two connections on one customer gateway are an error', () => {
    const findings = checkCfn(synthView((s) => documentedTopology(s, { sameCustomerGateway: true })), rule);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('same customer gateway')]);
  });

  test('C15: a connection with one tunnel specification is an error on that connection', () => {
    const findings = checkCfn(synthView((s) => documentedTopology(s, { tunnelsPerConnection: 1 })), rule);
    expect(findings.map((f) => f.path)).toEqual(['Connection1', 'Connection2']);
    expect(findings[0].message).toContain('1 entry');
  });

  test('C15: a hand-written, untagged VPN connection with three tunnel specifications is an error (a connection has two tunnels)', () => {
    const handWritten = (count: number) =>
      synthView((stack) => {
        const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
        const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
        new ec2.CfnVPNConnection(stack, 'Handwritten', {
          type: 'ipsec.1',
          customerGatewayId: cgw.ref,
          vpnGatewayId: vgw.ref,
          vpnTunnelOptionsSpecifications: Array.from({ length: count }, (_, i) => ({ tunnelInsideCidr: `169.254.${21 + i}.0/30` })),
        });
      });
    const findings = checkCfn(handWritten(3), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Handwritten', ruleId: 'FourTunnelTopology', catalogue: ['C15'], level: 'error' });
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications has 3 entries; a VPN connection has exactly two tunnels');
    // Two, one or none are what AWS accepts (it fills in the rest); an untagged connection is not held to this design.
    for (const count of [2, 1, 0]) expect(checkCfn(handWritten(count), rule)).toEqual([]);
  });

  test('C15: VPN connections not tagged as facing Azure are not counted', () => {
    expect(checkCfn(synthView((s) => documentedTopology(s, { connections: 1, tagged: false })), rule)).toEqual([]);
  });

  test('C15: the first Azure run, without LNGs and connections, is allowed', () => {
    expect(checkAzure({ ...compliantAzureView(), localNetworkGateways: [], connections: [] }, rule)).toEqual([]);
  });

  test('C15: three LNGs are an error naming the missing tunnel', () => {
    const view = compliantAzureView();
    const findings = checkAzure({ ...view, localNetworkGateways: view.localNetworkGateways.slice(0, 3) }, rule);
    expect(findings.map((f) => f.path)).toEqual(['localNetworkGateways', 'connection cn-Instance1Tunnel2.localNetworkGatewayName']);
    expect(findings[0].message).toBe('0 local network gateway(s) for tunnel Instance1Tunnel2.');
  });

  test("C15: a connection referencing another tunnel's LNG is an error with the right LNG as fix", () => {
    const findings = checkAzure(withConnection(0, { localNetworkGatewayName: 'lng-Instance0Tunnel2' }), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'connection cn-Instance0Tunnel1.localNetworkGatewayName', fix: "'lng-Instance0Tunnel1'." });
  });

  test('C15: two LNGs with the same outside IP are an error', () => {
    const view = compliantAzureView();
    const lngs = view.localNetworkGateways.map((l, i) => (i === 1 ? { ...l, gatewayIpAddress: view.localNetworkGateways[0].gatewayIpAddress } : l));
    const findings = checkAzure({ ...view, localNetworkGateways: lngs }, rule);
    expect(findings.map((f) => f.path)).toEqual(['localNetworkGateway lng-Instance0Tunnel2.gatewayIpAddress']);
  });
});
