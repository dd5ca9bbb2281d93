/**
 * CloudMonitor alarms on the Alibaba side of the VPN (issue 12 §1, catalogue row C43): built with the
 * component, on by default, opt-out. A pure design from the checked `AlibabaDesign`, then the wiring.
 *
 * Sources:
 * - Alibaba, "Monitor an IPsec-VPN connection"
 *   (https://www.alibabacloud.com/help/en/vpn/sub-product-ipsec-vpn/monitor-an-ipsec-vpn-connection): the
 *   negotiation status of each tunnel of a dual-tunnel connection is a CloudMonitor metric on which
 *   threshold-triggered alert rules can be set.
 * - CloudMonitor, "Cloud services monitored by CloudMonitor": VPN Gateway and VPN Connections metrics are in
 *   namespace `acs_vpn` (metric-meta pages `acs_vpn/vpn` and `acs_vpn/vpnconnection`).
 * - The metric names `tun.state` and `tun.bgp_state` and their dimensions `instanceId` (the VPN gateway) and
 *   `tunnelId` are NOT in any Alibaba page reachable offline; they are what a public CloudMonitor exporter
 *   reads (github.com/fersandiP/alicloud-exporter, config.example.yaml). Check them with
 *   `aliyun cms DescribeMetricMetaList --Namespace acs_vpn` before relying on the alarms; both are props.
 * - `cms.Alarm` of @pulumi/alicloud 3.108.0 (`cms/alarm.d.ts`): `project`, `metric`, `metricDimensions`
 *   (a JSON list), `period`, `escalationsCritical` {statistics, comparisonOperator, threshold, times} and
 *   `contactGroups` (required: names of existing contact groups). It has no missing-data policy, so unlike
 *   the AWS alarms a metric that stops reporting does not alarm.
 */
import * as cms from '@pulumi/alicloud/cms';
import type * as vpn from '@pulumi/alicloud/vpn';
import * as pulumi from '@pulumi/pulumi';
import type { AlibabaDesign, TunnelRole } from '../design';

/** CloudMonitor namespace of VPN Gateway and VPN connection metrics. */
export const ALIBABA_VPN_METRIC_NAMESPACE = 'acs_vpn';
/** Tunnel negotiation (IPsec) state, 1 up (see the header: name unverified offline). */
export const ALIBABA_TUNNEL_STATE_METRIC = 'tun.state';
/** Tunnel BGP session state, 1 established (see the header: name unverified offline). */
export const ALIBABA_TUNNEL_BGP_STATE_METRIC = 'tun.bgp_state';
/** Period of the metric in seconds and how many periods in a row: five minutes down. */
export const ALIBABA_ALARM_PERIOD = 60;
export const ALIBABA_ALARM_TIMES = 5;

export interface AlibabaAlarmOptions {
  /**
   * Name of an existing CloudMonitor alert contact group to notify.
   * @default a contact group `<plan name>-vpn-alarms` without contacts (alerts show in the console; add
   *   contacts there or pass your own group)
   */
  readonly contactGroup?: string;
  /** @default `tun.state` */
  readonly tunnelStateMetric?: string;
  /** @default `tun.bgp_state` */
  readonly tunnelBgpStateMetric?: string;
}

export interface AlibabaAlarmDesign {
  /** Pulumi name suffix, from the connection's resource name and the tunnel role: stable. */
  readonly resourceName: string;
  /** The alarm rule's name in CloudMonitor. */
  readonly name: string;
  /** The plan tunnel (AWS tunnel) the Alibaba tunnel faces. */
  readonly tunnelId: string;
  readonly connectionResourceName: string;
  /** Finds the tunnel in the connection's outputs: by role, never by list position. */
  readonly role: TunnelRole;
  readonly project: typeof ALIBABA_VPN_METRIC_NAMESPACE;
  readonly metric: string;
  readonly period: number;
  readonly statistics: 'Average';
  readonly comparisonOperator: '<';
  readonly threshold: '1';
  readonly times: number;
}

/**
 * Two alarms per Alibaba tunnel (four tunnels, eight alarms): its IPsec state and its BGP state below 1
 * for five one-minute periods (the average: the statistic the exporter above reads). None on the first run.
 */
export function alibabaAlarmDesigns(design: AlibabaDesign, options: AlibabaAlarmOptions = {}): AlibabaAlarmDesign[] {
  const metrics = [
    { kind: 'ipsec', metric: options.tunnelStateMetric ?? ALIBABA_TUNNEL_STATE_METRIC },
    { kind: 'bgp', metric: options.tunnelBgpStateMetric ?? ALIBABA_TUNNEL_BGP_STATE_METRIC },
  ];
  return design.connections.flatMap((c) =>
    c.tunnels.flatMap((t) =>
      metrics.map(({ kind, metric }): AlibabaAlarmDesign => ({
        resourceName: `alarm-${kind}-${c.resourceName}-${t.role}`,
        name: `${c.name}-${t.role}-${kind}-down`,
        tunnelId: t.tunnelId,
        connectionResourceName: c.resourceName,
        role: t.role,
        project: ALIBABA_VPN_METRIC_NAMESPACE,
        metric,
        period: ALIBABA_ALARM_PERIOD,
        statistics: 'Average',
        comparisonOperator: '<',
        threshold: '1',
        times: ALIBABA_ALARM_TIMES,
      }))
    )
  );
}

/** Name of the contact group the component creates when none is given. */
export const defaultContactGroupName = (design: AlibabaDesign) => `${design.planName}-vpn-alarms`;

interface TunnelOutput {
  readonly role?: string;
  readonly tunnelId?: string;
}

/**
 * The alarms of `design` as resources under `parent`: the connection's tunnel ids come from its outputs,
 * matched by role. Returns nothing (and creates no contact group) when the design has no connection.
 */
export function createAlibabaAlarms(
  name: string,
  design: AlibabaDesign,
  gatewayId: pulumi.Input<string>,
  connections: ReadonlyMap<string, vpn.Connection>,
  options: AlibabaAlarmOptions,
  parent: pulumi.Resource,
): cms.Alarm[] {
  const alarms = alibabaAlarmDesigns(design, options);
  if (alarms.length === 0) return [];
  const contactGroup: pulumi.Input<string> = options.contactGroup
    ?? new cms.AlarmContactGroup(`${name}-alarm-contacts`, {
      alarmContactGroupName: defaultContactGroupName(design),
      describe: `VPN ${design.planName}: tunnel alarms (add contacts to be notified)`,
    }, { parent }).alarmContactGroupName;
  return alarms.map((a) => {
    const connection = connections.get(a.connectionResourceName)!;
    const tunnelId = connection.tunnelOptionsSpecifications.apply((specs) => {
      const found = (specs as readonly TunnelOutput[] | undefined)?.find((s) => s.role === a.role)?.tunnelId;
      if (found === undefined) {
        throw new Error(
          `connection ${a.connectionResourceName} reports no ${a.role} tunnel id; the ${a.metric} alarm of tunnel ${a.tunnelId} cannot be scoped.`,
        );
      }
      return found;
    });
    return new cms.Alarm(`${name}-${a.resourceName}`, {
      name: a.name,
      project: a.project,
      metric: a.metric,
      metricDimensions: pulumi.all([gatewayId, tunnelId]).apply(([instanceId, tunnel]) => JSON.stringify([{ instanceId, tunnelId: tunnel }])),
      period: a.period,
      escalationsCritical: { statistics: a.statistics, comparisonOperator: a.comparisonOperator, threshold: a.threshold, times: a.times },
      contactGroups: [contactGroup],
      enabled: true,
      tags: { ...design.tags },
    }, { parent });
  });
}
