/**
 * What the twin needs from the machine, without loading anything heavy (scripts/twin.mjs and the
 * test gate ask before CDK or Pulumi are loaded).
 */
import { existsSync } from 'node:fs';

export const CHARON = '/usr/lib/ipsec/charon';
export const ZEBRA = '/usr/lib/frr/zebra';
export const BGPD = '/usr/lib/frr/bgpd';

/** The Debian packages the twin needs (the spike's list), for `apt-get install --no-install-recommends`. */
export const TWIN_PACKAGES = [
  'strongswan-charon',
  'strongswan-swanctl',
  'libcharon-extra-plugins',
  'libstrongswan-standard-plugins',
  'frr',
  'iputils-ping',
] as const;
const REQUIRED_FILES = [
  CHARON,
  '/usr/sbin/swanctl',
  '/usr/lib/ipsec/plugins/libstrongswan-kernel-libipsec.so',
  '/usr/lib/ipsec/plugins/libstrongswan-openssl.so',
  '/usr/lib/ipsec/plugins/libstrongswan-kdf.so',
  '/usr/lib/ipsec/plugins/libstrongswan-gcm.so',
  ZEBRA,
  BGPD,
  '/usr/bin/vtysh',
  '/usr/bin/ping',
];

/** Why the twin cannot run here (one entry each), or an empty list. */
export function missingPrerequisites(): string[] {
  if (process.platform !== 'linux') return [`Linux network namespaces (this is ${process.platform})`];
  const missing: string[] = [];
  if (typeof process.getuid === 'function' && process.getuid() !== 0) missing.push('root (network namespaces and TUN devices)');
  if (!existsSync('/sbin/ip') && !existsSync('/usr/sbin/ip') && !existsSync('/usr/bin/ip')) missing.push('iproute2 (ip)');
  const files = REQUIRED_FILES.filter((f) => !existsSync(f));
  if (files.length > 0) missing.push(`${files.join(', ')} (packages: ${TWIN_PACKAGES.join(' ')})`);
  if (!existsSync('/dev/net/tun')) missing.push('/dev/net/tun (TUN devices, for strongSwan kernel-libipsec)');
  return missing;
}
