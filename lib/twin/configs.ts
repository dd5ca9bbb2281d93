/**
 * Daemon configuration text for one side: strongSwan (charon, swanctl) and FRR (zebra, bgpd).
 * Keys are not in these files: `credentials` renders them separately, base64-encoded, for a file
 * that is loaded into charon and deleted at once.
 */
import type { TwinSide } from './sides';

/**
 * Traffic selectors besides the tunnel's own BGP /32 pair: every address but the link-local block.
 * The clouds use 0.0.0.0/0 (route-based); with one userspace ESP device per namespace the twin picks
 * the SA by selector, so only a tunnel's own SA may carry its BGP session (spike notes).
 */
export const SITE_SELECTORS = ['0.0.0.0-169.253.255.255', '169.255.0.0-255.255.255.255'] as const;

/**
 * charon with userspace ESP: kernel-libipsec MUST precede kernel-netlink (the kernel here has no
 * ESP/XFRM; spike pitfall 3); kdf is needed by 5.9.8 for the IKEv2 PRF+ (pitfall 1); openssl, gmp
 * and gcm give MODP, ECP and AES-GCM.
 */
export function strongswanConf(dir: string): string {
  return `charon {
  load = random nonce openssl aes sha1 sha2 hmac kdf gmp gcm pem pkcs1 x509 pubkey kernel-libipsec kernel-netlink socket-default vici
  install_routes = no
  install_virtual_ip = no
  plugins {
    vici {
      socket = unix://${dir}/charon.vici
    }
  }
  filelog {
    twin {
      path = ${dir}/charon.log
      time_format = %H:%M:%S
      time_add_ms = yes
      ike_name = yes
      default = 1
      flush_line = yes
    }
  }
  syslog {
    daemon {
      default = -1
    }
  }
}
`;
}

const seconds = (n: number) => `${Math.max(1, Math.round(n))}s`;

/** The side's IKE connections (no secrets). */
export function swanctlConf(side: TwinSide): string {
  const blocks = side.ends.map((end) =>
    `  ${end.name} {
    version = 2
    local_addrs = ${end.localOutside}
    remote_addrs = ${end.remoteOutside}
    proposals = ${end.ikeProposals.join(', ')}
    rekey_time = ${seconds(end.ikeLifetimeSeconds)}
${end.dpdDelaySeconds !== undefined && end.dpdAction !== 'none' ? `    dpd_delay = ${seconds(end.dpdDelaySeconds)}\n` : ''}    local {
      auth = psk
      id = ${end.localOutside}
    }
    remote {
      auth = psk
      id = ${end.remoteOutside}
    }
    children {
      ${end.name} {
        local_ts = ${end.localBgpIp}/32, ${SITE_SELECTORS.join(', ')}
        remote_ts = ${end.remoteBgpIp}/32, ${SITE_SELECTORS.join(', ')}
        esp_proposals = ${end.espProposals.join(', ')}
        rekey_time = ${seconds(end.childLifetimeSeconds)}
        dpd_action = ${end.dpdAction === 'none' ? 'clear' : end.dpdAction}
        start_action = ${end.startAction}
      }
    }
  }`
  );
  return `connections {\n${blocks.join('\n')}\n}\n`;
}

/** The side's pre-shared keys, base64 (`0s…`), for `swanctl --load-creds`. Never logged. */
export function credentials(side: TwinSide): string {
  const blocks = side.ends.map((end, i) =>
    `  ike-${i} {
    id-1 = ${end.localOutside}
    id-2 = ${end.remoteOutside}
    secret = 0s${Buffer.from(end.psk, 'utf8').toString('base64')}
  }`
  );
  return `secrets {\n${blocks.join('\n')}\n}\n`;
}

export function zebraConf(side: TwinSide, dir: string): string {
  return `hostname ${side.id}\nlog file ${dir}/zebra.log informational\nlog timestamp precision 3\n`;
}

/**
 * eBGP to every tunnel's peer. `no bgp ebgp-requires-policy`: FRR (RFC 8212) exchanges nothing
 * without a policy, the clouds do (pitfall 6); keepalive 10 s / hold 30 s as AWS documents;
 * `timers connect 5` instead of FRR's 120 s retry, only to keep the twin fast.
 */
export function bgpdConf(side: TwinSide, dir: string): string {
  const seen = new Set<string>();
  const neighbors = side.ends.filter((e) => !seen.has(e.remoteBgpIp) && seen.add(e.remoteBgpIp)).map((e) =>
    [
      ` neighbor ${e.remoteBgpIp} remote-as ${e.remoteAsn}`,
      ` neighbor ${e.remoteBgpIp} description ${e.name}`,
      ` neighbor ${e.remoteBgpIp} update-source ${e.localBgpIp}`,
      ` neighbor ${e.remoteBgpIp} timers 10 30`,
      ` neighbor ${e.remoteBgpIp} timers connect 5`,
    ].join('\n')
  );
  return `hostname ${side.id}
log file ${dir}/bgpd.log informational
log timestamp precision 3
router bgp ${side.asn}
 bgp router-id ${side.routerId}
 no bgp ebgp-requires-policy
 bgp log-neighbor-changes
${neighbors.join('\n')}
 address-family ipv4 unicast
  network ${side.prefix}
  maximum-paths 4
 exit-address-family
!
`;
}
