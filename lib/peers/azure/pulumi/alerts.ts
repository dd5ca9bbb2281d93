/**
 * Azure Monitor metric alerts on the VPN gateway (C43): pure design, from the checked `AzureDesign`,
 * wired by the component. Azure has no tunnel-state metric; a BGP peer's status is its liveness signal.
 *
 * Metric names and dimensions: Microsoft's metrics reference, "Supported metrics for
 * Microsoft.Network/virtualNetworkGateways"
 * (https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-network-virtualnetworkgateways-metrics):
 * `BgpPeerStatus` (count, 1 connected; dimensions `BgpPeerAddress`, `Instance`) and `TunnelIngressBytes`
 * (bytes, total; dimensions `ConnectionName`, `RemoteIP`); "Set up alerts on Azure VPN Gateway metrics"
 * (vpn-gateway-howto-setup-alerts-virtual-network-gateway-metric) lists both with a 5-minute grain.
 */
import type { AzureDesign } from '../design';

export const VIRTUAL_NETWORK_GATEWAY_METRIC_NAMESPACE = 'Microsoft.Network/virtualNetworkGateways';

/** How often the alerts are evaluated and over which window (ISO 8601): three 5-minute grains. */
export const ALERT_EVALUATION_FREQUENCY = 'PT5M';
export const ALERT_WINDOW = 'PT15M';

export interface MetricAlertDesign {
  /** Pulumi name suffix; stable, derived from the connection's own resource name. */
  readonly resourceName: string;
  /** The alert rule's Azure name. */
  readonly ruleName: string;
  readonly planName: string;
  readonly tunnelId: string;
  readonly description: string;
  /** 0 critical … 4 verbose. */
  readonly severity: 1 | 2;
  readonly metricName: 'BgpPeerStatus' | 'TunnelIngressBytes';
  readonly dimension: { readonly name: 'BgpPeerAddress' | 'ConnectionName'; readonly value: string; };
  readonly timeAggregation: 'Maximum' | 'Total';
  readonly operator: 'LessThan' | 'LessThanOrEqual';
  readonly threshold: number;
}

/**
 * Two alerts per connection: its AWS BGP peer not connected (`BgpPeerStatus` maximum < 1 over 15
 * minutes; the maximum, because in active/active the peer is up on one instance and the metric also
 * has an `Instance` dimension), and no bytes in from its tunnel (`TunnelIngressBytes` total <= 0 over
 * 15 minutes; BGP keepalives alone keep a live tunnel above 0). None on the first run (no connection).
 */
export function metricAlertDesigns(design: AzureDesign): MetricAlertDesign[] {
  const peers = new Map(design.localNetworkGateways.map((l) => [l.name, l.bgpPeeringAddress]));
  return design.connections.flatMap((c): MetricAlertDesign[] => {
    const peer = peers.get(c.localNetworkGatewayName)!;
    const where = `tunnel ${c.tunnelId} of plan ${c.planName} (connection ${c.name})`;
    return [
      {
        resourceName: `alert-bgp-${c.resourceName}`,
        ruleName: `alert-bgp-${c.name}`,
        planName: c.planName,
        tunnelId: c.tunnelId,
        description:
          `BGP peer ${peer} (AWS) of ${where} not connected for 15 minutes (C43). Check the key (C22), IKE (C24), then BGP addresses and ASNs (C05, C11, C13).`,
        severity: 1,
        metricName: 'BgpPeerStatus',
        dimension: { name: 'BgpPeerAddress', value: peer },
        timeAggregation: 'Maximum',
        operator: 'LessThan',
        threshold: 1,
      },
      {
        resourceName: `alert-ingress-${c.resourceName}`,
        ruleName: `alert-ingress-${c.name}`,
        planName: c.planName,
        tunnelId: c.tunnelId,
        description: `No bytes received through ${where} for 15 minutes (C43): the tunnel is down or AWS does not send.`,
        severity: 2,
        metricName: 'TunnelIngressBytes',
        dimension: { name: 'ConnectionName', value: c.name },
        timeAggregation: 'Total',
        operator: 'LessThanOrEqual',
        threshold: 0,
      },
    ];
  });
}
