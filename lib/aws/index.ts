/**
 * The AWS half's constructs, as `multicloud-vpn/aws` exports them (lib/aws-entry.ts). Every name is listed:
 * helpers (`pascalCase`, the outside-IP reader's Lambda source and resource type, the gateway targets) stay
 * internal to their modules.
 */
export { AzureVpnConnections } from './azure-vpn-connections';
export {
  DOCUMENTATION_ADDRESSES_WARNING,
  SiteToSiteVpn,
  type AzureVpnConnectionsProps,
  type AzureVpnTunnel,
  type ISiteToSiteVpn,
  type PeerInstance,
  type PresharedKeyStorage,
  type SiteToSiteVpnAttributes,
  type SiteToSiteVpnOptions,
  type SiteToSiteVpnProps,
  type SiteToSiteVpnTunnel,
  type SiteToSiteVpnTunnelAttributes,
} from './site-to-site-vpn';
export { TunnelOutsideIps, type TunnelOutsideIpsProps, type TunnelToRead } from './tunnel-outside-ips';
