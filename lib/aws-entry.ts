/**
 * `multicloud-vpn/aws`: the CDK constructs and the synth-time enforcement (Aspect, cdk-nag pack).
 * Every name is listed (no `export *`): helpers stay internal. api/exports.json is this list checked in;
 * test/api/exports.test.ts fails with a diff when the surface changes (`npm run api:report` rewrites it).
 * Each exported declaration carries its JSDoc in its own module.
 */
export {
  AzureVpnConnections,
  DOCUMENTATION_ADDRESSES_WARNING,
  SiteToSiteVpn,
  TunnelOutsideIps,
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
  type TunnelOutsideIpsProps,
  type TunnelToRead,
} from './aws';
export { MulticloudVpnChecks, VpnRulesAspect, type MulticloudVpnChecksProps, type VpnRulesAspectProps } from './enforcement';
