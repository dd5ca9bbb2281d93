/**
 * `multicloud-vpn/aws`: the CDK constructs and the synth-time enforcement (Aspect, cdk-nag pack); the
 * tests import the AWS half from here too (lib/aws has no index of its own, so the names are listed once).
 * Every name is listed (no `export *`): helpers stay internal. api/exports.json is this list checked in;
 * test/api/exports.test.ts fails with a diff when the surface changes (`npm run api:report` rewrites it).
 * Each exported declaration carries its JSDoc in its own module.
 */
export { AzureVpnConnections } from './aws/azure-vpn-connections';
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
} from './aws/site-to-site-vpn';
export { TunnelOutsideIps, type TunnelOutsideIpsProps, type TunnelToRead } from './aws/tunnel-outside-ips';
export { VpnRulesAspect, type VpnRulesAspectProps } from './enforcement/aspect';
export { MulticloudVpnChecks, type MulticloudVpnChecksProps } from './enforcement/nag-pack';
