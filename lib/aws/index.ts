export { AzureVpnConnections } from './azure-vpn-connections';
export {
  DOCUMENTATION_ADDRESSES_WARNING,
  PRESHARED_KEY_STORAGE_VALUES,
  SiteToSiteVpn,
  pascalCase,
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
export * from './tunnel-outside-ips';
