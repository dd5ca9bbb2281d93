import { refTarget, resourcesOfType, type CfnResourceView } from '../../check/views/cfn-view';
import { VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const ALARM = 'AWS::CloudWatch::Alarm';

/** Namespace, metric name and dimensions of an alarm: its single metric, or each metric of a math alarm. */
function metricsOf(alarm: CfnResourceView): { namespace: unknown; metricName: unknown; dimensions: Record<string, unknown>; }[] {
  const dimensionsOf = (list: unknown) =>
    Object.fromEntries((Array.isArray(list) ? list : []).map((d: { Name?: unknown; Value?: unknown; }) => [String(d?.Name), d?.Value]));
  const p = alarm.properties;
  const single = p.MetricName === undefined ? [] : [{ namespace: p.Namespace, metricName: p.MetricName, dimensions: dimensionsOf(p.Dimensions) }];
  const math = (Array.isArray(p.Metrics) ? p.Metrics : []).flatMap((m: { MetricStat?: { Metric?: Record<string, unknown>; }; }) => {
    const metric = m?.MetricStat?.Metric;
    return metric ? [{ namespace: metric.Namespace, metricName: metric.MetricName, dimensions: dimensionsOf(metric.Dimensions) }] : [];
  });
  return [...single, ...math];
}

export const TunnelAlarmsConfigured: Rule = {
  id: 'TunnelAlarmsConfigured',
  catalogue: ['C43'],
  level: 'warning',
  summary: 'Each VPN connection has a CloudWatch alarm on AWS/VPN TunnelState for both of its tunnels.',
  explanation: 'Seeds 000 and 004 part 4: a tunnel that goes DOWN, or stays UP with no BGP routes, is found only by looking. ' +
    'AWS publishes TunnelState (1 up, 0 down) per tunnel in the AWS/VPN namespace with the dimensions VpnId and ' +
    'TunnelIpAddress ("Monitoring your Site-to-Site VPN connections using Amazon CloudWatch", Site-to-Site VPN User Guide). ' +
    'Without an alarm a lost tunnel, or a connection on one tunnel only, goes unnoticed until both are down. ' +
    'Catalogue row C43 (README coverage table; not in CONSTRAINTS.md).',
  fix: 'Leave AzureVpnConnections `tunnelAlarms` on (the default), or add a cloudwatch.Alarm per tunnel on ' +
    'metricTunnelState(tunnelId) (TunnelState, dimensions VpnId and TunnelIpAddress, missing data breaching).',
  cfn: (view) => {
    const tunnelStateMetrics = resourcesOfType(view, ALARM)
      .flatMap(metricsOf)
      .filter((m) => m.namespace === 'AWS/VPN' && m.metricName === 'TunnelState');
    return resourcesOfType(view, VPN_CONNECTION).flatMap((connection): Violation[] => {
      const own = tunnelStateMetrics.filter((m) => refTarget(m.dimensions.VpnId) === connection.logicalId);
      // An alarm on the whole connection (VpnId alone) covers both tunnels; otherwise two distinct tunnel IPs.
      const wholeConnection = own.some((m) => m.dimensions.TunnelIpAddress === undefined);
      const tunnels = new Set(own.filter((m) => m.dimensions.TunnelIpAddress !== undefined).map((m) => JSON.stringify(m.dimensions.TunnelIpAddress)));
      if (wholeConnection || tunnels.size >= 2) return [];
      return [{
        path: connection.path,
        message: tunnels.size === 0
          ? "no CloudWatch alarm watches this VPN connection's tunnels (AWS/VPN TunnelState with its VpnId): a tunnel down goes unnoticed."
          : "only one of the connection's two tunnels has a TunnelState alarm: the other can go down unnoticed.",
      }];
    });
  },
};
