/**
 * C43: Azure Monitor metric alerts on the gateway, built with the connections: per BGP peer on
 * BgpPeerStatus (dimension BgpPeerAddress) and per connection on TunnelIngressBytes (dimension
 * ConnectionName), Microsoft's metric names for Microsoft.Network/virtualNetworkGateways; optional
 * action group; opt-out with a C43 warning. Pulumi runtime mocks, no cloud.
 */
import * as pulumi from '@pulumi/pulumi';
import { metricAlertDesigns } from '../../../lib/peers/azure/pulumi/alerts';
import { AzureVpnGateway, type AwsTunnelEndpoint } from '../../../lib/peers/azure/pulumi/component';
import { azureDesign } from '../../../lib/peers/azure/design';
import { planVpn } from '../../../lib/check/validate';
import { installMocks, testKey, valueOf, type MockRecord } from './mocks';

const plan = planVpn();
const TUNNEL_IDS = ['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2'];
/** The AWS BGP peers of the documented plan (seed 004): the first host of each inside /30. */
const AWS_BGP_PEERS: Record<string, string> = {
  Instance0Tunnel1: '169.254.21.1',
  Instance0Tunnel2: '169.254.22.1',
  Instance1Tunnel1: '169.254.21.5',
  Instance1Tunnel2: '169.254.22.5',
};

function awsTunnels(): Record<string, AwsTunnelEndpoint> {
  return Object.fromEntries(TUNNEL_IDS.map((id, i) => [id, { outsideIp: `192.0.2.${10 + i}`, presharedKey: testKey() }]));
}

async function build(record: MockRecord, args: Partial<ConstructorParameters<typeof AzureVpnGateway>[1]>) {
  const vpn = new AzureVpnGateway('vpn', { plan, ...args });
  await valueOf(pulumi.all([vpn.connectionIds, pulumi.all(vpn.metricAlerts.map((a) => a.id))]));
  const alerts = record.resources.filter((r) => r.type === 'azure-native:monitor:MetricAlert');
  return { vpn, alerts };
}

type Criterion = {
  metricName: string;
  metricNamespace: string;
  dimensions: { name: string; operator: string; values: string[]; }[];
  timeAggregation: string;
  operator: string;
  threshold: number;
  criterionType: string;
};
const criterionOf = (inputs: Record<string, unknown>) => {
  const criteria = inputs.criteria as { odataType: string; allOf: Criterion[]; };
  expect(criteria.odataType).toBe('Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria');
  expect(criteria.allOf).toHaveLength(1);
  return criteria.allOf[0];
};

describe('C43: Azure metric alerts', () => {
  // The default design and the one with `alerts: false` are built once (each run under mocks takes
  // seconds) and only read by the tests below; the warnings logged while building the latter are kept.
  let withAlerts: MockRecord;
  let withAlertsBuilt: Awaited<ReturnType<typeof build>>;
  let without: MockRecord;
  let warningsWithout: string[];
  beforeAll(async () => {
    withAlerts = await installMocks();
    withAlertsBuilt = await build(withAlerts, { awsTunnels: awsTunnels() });
    without = await installMocks();
    const warn = jest.spyOn(pulumi.log, 'warn').mockResolvedValue(undefined as never);
    try {
      await build(without, { awsTunnels: awsTunnels(), alerts: false });
      warningsWithout = warn.mock.calls.map((c) => String(c[0]));
    } finally {
      warn.mockRestore();
    }
  });

  test('C43: two alerts per connection on the gateway: BgpPeerStatus per AWS peer, TunnelIngressBytes per connection name', () => {
    const { alerts } = withAlertsBuilt;
    expect(alerts).toHaveLength(8);
    const bgp = alerts.filter((a) => criterionOf(a.inputs).metricName === 'BgpPeerStatus');
    const ingress = alerts.filter((a) => criterionOf(a.inputs).metricName === 'TunnelIngressBytes');
    expect(bgp.map((a) => criterionOf(a.inputs).dimensions)).toEqual(
      TUNNEL_IDS.map((id) => [{ name: 'BgpPeerAddress', operator: 'Include', values: [AWS_BGP_PEERS[id]] }]),
    );
    expect(ingress.map((a) => criterionOf(a.inputs).dimensions)).toEqual(
      TUNNEL_IDS.map((id) => [{ name: 'ConnectionName', operator: 'Include', values: [`cn-${plan.name}-${id}`] }]),
    );
    for (const a of alerts) {
      const c = criterionOf(a.inputs);
      expect(a.inputs).toMatchObject({
        scopes: ['vpn-gateway-id'],
        location: 'global',
        enabled: true,
        evaluationFrequency: 'PT5M',
        windowSize: 'PT15M',
        resourceGroupName: 'TestRG1',
      });
      expect(c).toMatchObject({ criterionType: 'StaticThresholdCriterion', metricNamespace: 'Microsoft.Network/virtualNetworkGateways' });
      expect(a.inputs).not.toHaveProperty('actions');
    }
    for (const a of bgp) expect(criterionOf(a.inputs)).toMatchObject({ timeAggregation: 'Maximum', operator: 'LessThan', threshold: 1 });
    for (const a of ingress) expect(criterionOf(a.inputs)).toMatchObject({ timeAggregation: 'Total', operator: 'LessThanOrEqual', threshold: 0 });
    // Stable Pulumi names derived from the connections' own names; distinct.
    expect(alerts.map((a) => a.name).sort()).toEqual(TUNNEL_IDS.flatMap((id) => [`vpn-alert-bgp-cn-${id}`, `vpn-alert-ingress-cn-${id}`]).sort());
  });

  test('C43: adding the alerts renames nothing: every other resource keeps its Pulumi name', () => {
    const names = (r: MockRecord) =>
      r.resources.filter((x) => x.type !== 'azure-native:monitor:MetricAlert').map((x) => `${x.type} ${x.name}`).sort();
    expect(names(withAlerts)).toEqual(names(without));
    expect(without.resources.filter((r) => r.type === 'azure-native:monitor:MetricAlert')).toEqual([]);
  });

  test('C43: an action group notifies every alert', async () => {
    const record = await installMocks();
    const actionGroupId = '/subscriptions/s/resourceGroups/ops/providers/Microsoft.Insights/actionGroups/network-oncall';
    const { alerts } = await build(record, { awsTunnels: awsTunnels(), alertActionGroupId: actionGroupId });
    expect(alerts).toHaveLength(8);
    for (const a of alerts) expect(a.inputs.actions).toEqual([{ actionGroupId }]);
  });

  test('C43: first run (no connection yet): no alert, since no BGP peer or tunnel exists to watch', async () => {
    const record = await installMocks();
    const { alerts } = await build(record, {});
    expect(alerts).toEqual([]);
  });

  test('C43: alerts: false logs a C43 warning naming the field', () => {
    expect(warningsWithout).toEqual(expect.arrayContaining([expect.stringMatching(/alerts.*TunnelAlarmsConfigured.*C43|C43.*alerts/)]));
  });

  test('C43: the pure design: one rule name per connection and metric, each description names C43', () => {
    const design = azureDesign(
      plan,
      { awsTunnels: Object.fromEntries(TUNNEL_IDS.map((id, i) => [id, { outsideIp: `192.0.2.${10 + i}` }])) } as never,
    );
    const alerts = metricAlertDesigns(design);
    expect(alerts.map((a) => a.ruleName)).toEqual(
      TUNNEL_IDS.flatMap((id) => [`alert-bgp-cn-${plan.name}-${id}`, `alert-ingress-cn-${plan.name}-${id}`]),
    );
    expect(alerts.every((a) => a.description.includes('C43'))).toBe(true);
  });
});
