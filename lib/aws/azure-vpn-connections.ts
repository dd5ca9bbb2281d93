/**
 * The 0.1 name of `SiteToSiteVpn`, kept so that existing apps and deployed stacks see no change:
 * the same class with the same props, so the same resources with the same logical ids
 * (test/aws/deprecated-alias.test.ts compares the templates byte for byte).
 */
import type { Construct } from 'constructs';
import { SiteToSiteVpn, type AzureVpnConnectionsProps } from './site-to-site-vpn';

export type { AzureVpnConnectionsProps, AzureVpnTunnel } from './site-to-site-vpn';

/**
 * BGP active/active site-to-site VPN from an AWS VPC to an Azure VPN gateway.
 * @deprecated Use `SiteToSiteVpn` with `peerGatewayPublicIps`; this alias builds the same resources.
 */
export class AzureVpnConnections extends SiteToSiteVpn {
  constructor(scope: Construct, id: string, props: AzureVpnConnectionsProps) {
    super(scope, id, props);
  }
}
