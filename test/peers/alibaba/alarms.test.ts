/**
 * C43 on the Alibaba side: CloudMonitor alarms on each tunnel's IPsec and BGP state, built by default,
 * opt-out, with the component's own contact group or the user's (lib/peers/alibaba/alarms.ts).
 */
import * as pulumi from '@pulumi/pulumi';
import {
  ALIBABA_TUNNEL_BGP_STATE_METRIC,
  ALIBABA_TUNNEL_STATE_METRIC,
  ALIBABA_VPN_METRIC_NAMESPACE,
  alibabaAlarmDesigns,
  defaultContactGroupName,
} from '../../../lib/peers/alibaba/pulumi/alarms';
import { alibabaDesign } from '../../../lib/peers/alibaba/design';
import { AlibabaVpnGateway, type AlibabaVpnGatewayArgs } from '../../../lib/peers/alibaba/pulumi/component';
import { awsTunnels, fullDesign, peer, plan } from './fixtures';
import { installMocks, testKey, valueOf, type Registered } from './mocks';

const ALARM = 'alicloud:cms/alarm:Alarm';
const CONTACT_GROUP = 'alicloud:cms/alarmContactGroup:AlarmContactGroup';

async function run(args: Partial<AlibabaVpnGatewayArgs>): Promise<Registered[]> {
  const record = await installMocks();
  const p = plan();
  const tunnels = Object.fromEntries(Object.entries(awsTunnels(p)).map(([id, t]) => [id, { ...t, presharedKey: testKey() }]));
  const vpn = new AlibabaVpnGateway('ali', { plan: p, peer: peer(), awsTunnels: tunnels, ...args });
  await valueOf(pulumi.all([vpn.gatewayId, vpn.connectionIds, vpn.alarmIds]));
  return record;
}

describe('C43 Alibaba alarm design', () => {
  test('C43: two alarms per tunnel (IPsec and BGP state), eight in all, each naming its AWS tunnel and role', () => {
    const alarms = alibabaAlarmDesigns(fullDesign());
    expect(alarms).toHaveLength(8);
    expect(alarms.filter((a) => a.metric === ALIBABA_TUNNEL_STATE_METRIC).map((a) => [a.connectionResourceName, a.role, a.tunnelId])).toEqual([
      ['ipsec-1', 'master', 'Instance0Tunnel1'],
      ['ipsec-1', 'slave', 'Instance1Tunnel1'],
      ['ipsec-2', 'master', 'Instance0Tunnel2'],
      ['ipsec-2', 'slave', 'Instance1Tunnel2'],
    ]);
    expect(alarms.filter((a) => a.metric === ALIBABA_TUNNEL_BGP_STATE_METRIC)).toHaveLength(4);
    expect(new Set(alarms.map((a) => a.resourceName)).size).toBe(8);
    for (const a of alarms) {
      expect([a.project, a.comparisonOperator, a.threshold, a.period * a.times]).toEqual([ALIBABA_VPN_METRIC_NAMESPACE, '<', '1', 300]);
    }
  });

  test("C43: the metric names are overridable (they could not be checked against Alibaba's metric list offline)", () => {
    const alarms = alibabaAlarmDesigns(fullDesign(), { tunnelStateMetric: 'x.state', tunnelBgpStateMetric: 'x.bgp' });
    expect([...new Set(alarms.map((a) => a.metric))].sort()).toEqual(['x.bgp', 'x.state']);
  });

  test('C43: the first run (no connection) has no alarm', () => {
    expect(alibabaAlarmDesigns(alibabaDesign(plan(), peer()))).toEqual([]);
  });
});

describe('C43 Alibaba alarms in the component (Pulumi mocks)', () => {
  test('C43: by default, eight cms.Alarm on acs_vpn scoped to the gateway and each tunnel id (found by role), one new contact group', async () => {
    const record = await run({});
    const alarms = record.filter((r) => r.type === ALARM);
    expect(alarms).toHaveLength(8);
    const groups = record.filter((r) => r.type === CONTACT_GROUP);
    expect(groups.map((g) => g.inputs.alarmContactGroupName)).toEqual([defaultContactGroupName(fullDesign())]);
    for (const a of alarms) {
      expect(a.inputs.project).toBe('acs_vpn');
      expect(a.inputs.contactGroups).toEqual([groups[0].inputs.alarmContactGroupName]);
      const [dimension] = JSON.parse(String(a.inputs.metricDimensions)) as { instanceId: string; tunnelId: string; }[];
      expect(dimension.instanceId).toBe('ali-gateway-id');
      // The tunnel id of the tunnel with the alarm's role, on the alarm's connection.
      const [, kind, connection, role] = /^ali-alarm-(ipsec|bgp)-(ipsec-\d)-(master|slave)$/.exec(a.name)!;
      expect(dimension.tunnelId).toBe(`tun-ali-${connection}-${role}`);
      expect(a.inputs.metric).toBe(kind === 'ipsec' ? ALIBABA_TUNNEL_STATE_METRIC : ALIBABA_TUNNEL_BGP_STATE_METRIC);
    }
  });

  test('C43: a user contact group is used and none is created', async () => {
    const record = await run({ alarms: { contactGroup: 'network-oncall' } });
    expect(record.filter((r) => r.type === CONTACT_GROUP)).toEqual([]);
    expect(record.filter((r) => r.type === ALARM).map((a) => a.inputs.contactGroups)).toEqual(Array(8).fill(['network-oncall']));
  });

  test('C43: alarms: false builds neither alarms nor a contact group (opt-out)', async () => {
    const record = await run({ alarms: false });
    expect(record.filter((r) => r.type === ALARM || r.type === CONTACT_GROUP)).toEqual([]);
    expect(record.filter((r) => r.type === 'alicloud:vpn/connection:Connection')).toHaveLength(2);
  });
});
