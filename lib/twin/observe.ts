/**
 * What the daemons show, per tunnel: the IKE and child SA states (`swanctl --list-sas`), the IKEv2
 * error notifies and initiations in charon's log, the BGP session state and accepted prefixes
 * (`show bgp ipv4 unicast summary json`) and BGP NOTIFICATIONs in bgpd's log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from './lab';
import type { IkeEnd, TwinSide } from './sides';

export interface SaState {
  readonly ike: string;
  /** e.g. AES_CBC-256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048 */
  readonly ikeAlgorithms?: string;
  readonly child: string;
  /** e.g. TUNNEL-in-UDP, ESP:AES_CBC-256/HMAC_SHA2_256_128 */
  readonly childDetail?: string;
}

/** Parses `swanctl --list-sas`: connection name → IKE and first child state. */
export function parseListSas(text: string): Map<string, SaState> {
  const out = new Map<string, SaState>();
  let current: { name: string; ike: string; ikeAlgorithms?: string; child: string; childDetail?: string; } | undefined;
  const flush = () => {
    if (current) {
      const prior = out.get(current.name);
      // Keep the best SA of a connection (an ESTABLISHED one over a CONNECTING retry).
      if (
        !prior || (prior.ike !== 'ESTABLISHED' && current.ike === 'ESTABLISHED') || (prior.child !== 'INSTALLED' && current.child === 'INSTALLED')
      ) out.set(current.name, current);
    }
  };
  for (const line of text.split('\n')) {
    const ike = /^(\S+): #\d+, (\w+), IKEv2/.exec(line);
    if (ike) {
      flush();
      current = { name: ike[1], ike: ike[2], child: 'NONE' };
      continue;
    }
    if (!current) continue;
    const child = /^\s+(\S+): #\d+, reqid \d+, (\w+), ([\w-]+), (\S+)/.exec(line);
    if (child && current.child !== 'INSTALLED') {
      current.child = child[2];
      current.childDetail = `${child[3]} ${child[4]}`;
      continue;
    }
    const algorithms = /^\s+((?:AES|3DES|CHACHA)[^\s]*\/[^\s]+)$/.exec(line);
    if (algorithms && !current.ikeAlgorithms) current.ikeAlgorithms = algorithms[1];
  }
  flush();
  return out;
}

export interface LogFacts {
  readonly initiated: boolean;
  readonly ikeError?: string;
  readonly childError?: string;
}

/** IKEv2 facts about connection `name` in a charon log written with `ike_name = yes`. */
export function logFacts(log: string, name: string): LogFacts {
  let initiated = false;
  let ikeError: string | undefined;
  let childError: string | undefined;
  const tag = `<${name}|`;
  for (const line of log.split('\n')) {
    if (line.includes(`initiating IKE_SA ${name}[`)) initiated = true;
    if (!line.includes(tag)) continue;
    initiated = true;
    const notify = /received (\w+) notify error/.exec(line);
    if (notify) ikeError = notify[1];
    const noChild = /received (\w+) notify, no CHILD_SA built/.exec(line);
    if (noChild) childError = noChild[1];
    if (/tried \d+ shared keys? for .* but MAC mismatched/.test(line) || /verification of AUTH payload .* failed/.test(line)) {
      ikeError = 'AUTHENTICATION_FAILED';
    }
  }
  return { initiated, ikeError, childError };
}

export interface BgpPeerState {
  readonly state: string;
  readonly prefixesReceived: number;
}

/** `show bgp ipv4 unicast summary json` → peer address → state. */
export function parseBgpSummary(json: string): Map<string, BgpPeerState> {
  const out = new Map<string, BgpPeerState>();
  let parsed: { peers?: Record<string, { state?: string; pfxRcd?: number; }>; } = {};
  try {
    parsed = JSON.parse(json);
  } catch {
    return out;
  }
  for (const [address, peer] of Object.entries(parsed.peers ?? {})) {
    out.set(address, { state: peer.state ?? 'Idle', prefixesReceived: peer.pfxRcd ?? 0 });
  }
  return out;
}

/** The last BGP NOTIFICATION logged for `neighbor`, e.g. `OPEN Message Error/Bad Peer AS`. */
export function bgpNotification(log: string, neighbor: string): string | undefined {
  let found: string | undefined;
  const pattern = /NOTIFICATION: (?:sent to|received from) neighbor (\S+) \d+\/\d+ \(([^)]+)\)/;
  for (const line of log.split('\n')) {
    const m = pattern.exec(line);
    if (m && m[1] === neighbor) found = m[2];
  }
  return found;
}

/** One poll of every side. */
export interface Snapshot {
  readonly sas: Record<string, Map<string, SaState>>;
  readonly bgp: Record<string, Map<string, BgpPeerState>>;
  readonly charonLog: Record<string, string>;
  readonly bgpdLog: Record<string, string>;
}

const readOr = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

export async function snapshot(lab: Lab, sides: readonly TwinSide[]): Promise<Snapshot> {
  const sas: Snapshot['sas'] = {};
  const bgp: Snapshot['bgp'] = {};
  const charonLog: Snapshot['charonLog'] = {};
  const bgpdLog: Snapshot['bgpdLog'] = {};
  await Promise.all(sides.map(async (side) => {
    const [list, summary] = await Promise.all([
      lab.swanctl(side.id, '--list-sas').catch(() => ''),
      lab.vtysh(side.id, 'show bgp ipv4 unicast summary json').catch(() => ''),
    ]);
    sas[side.id] = parseListSas(list);
    bgp[side.id] = parseBgpSummary(summary);
    charonLog[side.id] = readOr(join(lab.sideDir(side.id), 'charon.log'));
    bgpdLog[side.id] = readOr(join(lab.sideDir(side.id), 'frr', 'bgpd.log'));
  }));
  return { sas, bgp, charonLog, bgpdLog };
}

/** An AWS tunnel and the Azure end it reaches (the instance owning its customer gateway's IP, the connection whose LNG is its outside IP). */
export interface TunnelPair {
  readonly aws: IkeEnd;
  readonly azureSide?: TwinSide;
  readonly azure?: IkeEnd;
}

export function pairTunnels(sides: readonly TwinSide[]): TunnelPair[] {
  const aws = sides.find((s) => s.id === 'aws')!;
  return aws.ends.map((end) => {
    const azureSide = sides.find((s) => s.id !== 'aws' && s.outsideAddresses.includes(end.remoteOutside));
    const azure = azureSide?.ends.find((e) => e.remoteOutside === end.localOutside);
    return { aws: end, azureSide, azure };
  });
}
