/**
 * `runTwin`: before anything is deployed, bring up the plan's four tunnels and their BGP sessions
 * between real IKEv2 (strongSwan) and BGP (FRR) implementations, configured only from what the two
 * halves emit, and report each tunnel's state, time and diagnosis. See README "Prove it before you
 * deploy" for how the twin differs from the clouds.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import * as ipaddr from 'ipaddr.js';
import { readAzureOutputs } from '../handoff/azure-outputs';
import { DOCUMENTATION_RANGES } from '../handoff/public-ip';
import type { ResolvedPlan } from '../plan/types';
import { deployAwsHalf, synthesizeAwsHalf, type DeployedAwsHalf } from './aws-half';
import { renderAzureHalf } from './azure-half';
import { diagnoseTunnel, type Diagnosis, type TunnelObservation } from './diagnose';
import { twinFault, type EmittedHalves, type TwinFault } from './faults';
import { Lab, missingPrerequisites } from './lab';
import { bgpNotification, logFacts, pairTunnels, snapshot, type Snapshot, type TunnelPair } from './observe';
import { awsSide, azureSides, firstHost, type TwinSide } from './sides';

const run = promisify(execFile);

export interface TwinOptions {
  readonly plan: ResolvedPlan;
  /**
   * `pulumi stack output --json` of a real Azure half: the gateway's public IPs the AWS half is
   * synthesized with. Inside the namespaces every outside address outside the RFC 5737 ranges is
   * replaced by a documentation-range stand-in. @default the mocked gateway's 203.0.113.10 / .11
   */
  readonly peerOutputs?: string;
  /** The plan's emitted halves from `emitPlan`, to reuse across runs. @default emitted now */
  readonly emitted?: EmittedPlan;
  /** A fault from TWIN_FAULTS to inject into the emitted values. @default none */
  readonly fault?: string;
  /** Give up waiting after this long. @default 45 */
  readonly timeoutSeconds?: number;
  /** A tunnel that is not up is reported once its state has not changed for this long. @default 7 */
  readonly settleSeconds?: number;
  /** Progress lines (never a key). @default none */
  readonly log?: (line: string) => void;
}

/** Milliseconds from loading the IKE configuration until each step was first seen. */
export interface TunnelTimes {
  readonly ike?: number;
  readonly ipsec?: number;
  readonly bgp?: number;
  readonly routes?: number;
}

export interface TwinTunnelResult {
  readonly tunnel: string;
  readonly awsOutside: string;
  readonly azureOutside: string;
  /** The Azure instance the tunnel reaches, or undefined when no Azure end matches. */
  readonly azureInstance?: 0 | 1;
  readonly awsBgpIp: string;
  readonly azureBgpIp?: string;
  readonly observation: TunnelObservation;
  readonly ikeAlgorithms?: string;
  readonly ipsecDetail?: string;
  readonly routes: { readonly aws: number; readonly azure: number; };
  readonly times: TunnelTimes;
  readonly diagnosis?: Diagnosis;
}

export interface TwinResult {
  readonly plan: string;
  readonly fault?: TwinFault;
  readonly tunnels: readonly TwinTunnelResult[];
  /** Every tunnel: IKE and IPsec SAs, BGP Established, prefixes accepted both ways. */
  readonly allUp: boolean;
  /** The peer prefix in every side's kernel routing table, learned by BGP. */
  readonly prefixesInFib: boolean;
  /** A ping from the VPC's address to the VNet's, through the tunnels. */
  readonly dataPlane: boolean;
  /** Every child SA rekeyed from the AWS end with the phase 2 (PFS) group and installed again. */
  readonly pfsRekeyed: boolean;
  /** Where it ran: for the check that nothing is left behind. */
  readonly lab: {
    readonly runDir: string;
    readonly namespaces: readonly string[];
    readonly daemons: readonly { side: string; name: string; pid: number; }[];
  };
  readonly timings: {
    /** Synthesis, Azure rendering, deploy stand-in. */
    readonly emitMs: number;
    /** Namespaces, daemons and their configuration. */
    readonly startMs: number;
    /** From loading the IKE configuration until every tunnel was up (or the run settled). */
    readonly upMs: number;
    /** The checks after that: child SA rekeys (PFS), routing tables, ping. */
    readonly checksMs: number;
    readonly teardownMs: number;
    readonly totalMs: number;
  };
}

export class TwinPrerequisiteError extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`the twin needs: ${missing.join('; ')}`);
    this.name = 'TwinPrerequisiteError';
  }
}

const DOC_CIDRS = DOCUMENTATION_RANGES.map((c) => ipaddr.IPv4.parseCIDR(c));
const isDocumentation = (ip: string) => ipaddr.IPv4.isValidFourPartDecimal(ip) && DOC_CIDRS.some((c) => ipaddr.IPv4.parse(ip).match(c));

/** Outside addresses not in the documentation ranges get a 192.0.2.x stand-in (same on both sides). */
function withStandIns(sides: TwinSide[]): TwinSide[] {
  const map = new Map<string, string>();
  const standIn = (ip: string) => {
    if (isDocumentation(ip)) return ip;
    if (!map.has(ip)) map.set(ip, `192.0.2.${10 + map.size}`);
    return map.get(ip)!;
  };
  return sides.map((s) => ({
    ...s,
    outsideAddresses: s.outsideAddresses.map(standIn),
    ends: s.ends.map((e) => ({ ...e, localOutside: standIn(e.localOutside), remoteOutside: standIn(e.remoteOutside) })),
  }));
}

/** Both halves as emitted for one plan, and the AWS deploy stand-in (its fake secret store holds the keys). */
export interface EmittedPlan {
  readonly halves: EmittedHalves;
  readonly deployed: DeployedAwsHalf;
  readonly plan: ResolvedPlan;
  /** The Azure gateway IPs of `peerOutputs`, when given. */
  readonly peerIps?: readonly [string, string];
}

/**
 * Synthesizes the AWS half, renders the Azure half twice (gateway first, then with the AWS half's
 * outputs file, as deployed), with the deploy stand-in in between. Slow (CDK synthesis): reuse the
 * result for several faults.
 */
export async function emitPlan(plan: ResolvedPlan, options: { peerOutputs?: string; } = {}): Promise<EmittedPlan> {
  const scratch = mkdtempSync(join(tmpdir(), 'multicloud-vpn-twin-emit-'));
  try {
    const peerIps = options.peerOutputs === undefined ? undefined : readAzureOutputs(options.peerOutputs).gatewayPublicIps;
    const first = peerIps ?? (await renderAzureHalf(plan)).gatewayPublicIps;
    const template = synthesizeAwsHalf(plan, [first[0], first[1]], join(scratch, 'cdk.out'));
    const deployed = deployAwsHalf(template);
    const outputsFile = join(scratch, 'aws-outputs.json');
    writeFileSync(outputsFile, JSON.stringify(deployed.outputsFile), { mode: 0o600 });
    const azure = await renderAzureHalf(plan, { awsOutputsFile: outputsFile, readSecret: async (arn) => deployed.secrets.get(arn) });
    return { halves: { template, azure: azure.resources }, deployed, plan, peerIps };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The twin's sides from the emitted values, with `fault` injected into a copy of them first. */
export function emittedSides(emitted: EmittedPlan, fault?: TwinFault): TwinSide[] {
  const halves: EmittedHalves = { template: structuredClone(emitted.halves.template), azure: structuredClone(emitted.halves.azure) };
  fault?.inject(halves);
  return withStandIns([awsSide(halves.template, emitted.deployed), ...azureSides(halves.azure, emitted.plan.azure.vnetCidr, emitted.peerIps)]);
}

function observe(
  pair: TunnelPair,
  snap: Snapshot,
): { observation: TunnelObservation; routes: { aws: number; azure: number; }; ikeAlgorithms?: string; ipsecDetail?: string; } {
  const awsSa = snap.sas.aws?.get(pair.aws.name);
  const az = pair.azureSide && pair.azure ? { side: pair.azureSide.id, end: pair.azure } : undefined;
  const azSa = az ? snap.sas[az.side]?.get(az.end.name) : undefined;
  const ikeUp = awsSa?.ike === 'ESTABLISHED' && azSa?.ike === 'ESTABLISHED';
  const childUp = awsSa?.child === 'INSTALLED' && azSa?.child === 'INSTALLED';
  const awsFacts = logFacts(snap.charonLog.aws ?? '', pair.aws.name);
  const azFacts = az ? logFacts(snap.charonLog[az.side] ?? '', az.end.name) : { initiated: false };
  const awsPeer = snap.bgp.aws?.get(pair.aws.remoteBgpIp);
  const azPeer = az ? snap.bgp[az.side]?.get(az.end.remoteBgpIp) : undefined;
  const bgpUp = awsPeer?.state === 'Established' && azPeer?.state === 'Established';
  const routes = { aws: awsPeer?.prefixesReceived ?? 0, azure: azPeer?.prefixesReceived ?? 0 };
  const bgpError = bgpNotification(snap.bgpdLog.aws ?? '', pair.aws.remoteBgpIp) ??
    (az ? bgpNotification(snap.bgpdLog[az.side] ?? '', az.end.remoteBgpIp) : undefined);
  return {
    observation: {
      ike: ikeUp ? 'ESTABLISHED' : awsSa?.ike ?? azSa?.ike ?? 'NONE',
      ikeError: awsFacts.ikeError ?? azFacts.ikeError,
      child: childUp ? 'INSTALLED' : awsSa?.child ?? 'NONE',
      childError: awsFacts.childError ?? azFacts.childError,
      bgp: bgpUp ? 'Established' : awsPeer?.state ?? 'Idle',
      // A NOTIFICATION on a session that is up (e.g. a connection collision) is history, not a cause.
      bgpError: bgpUp ? undefined : bgpError,
      routesReceived: Math.min(routes.aws, routes.azure),
      initiated: awsFacts.initiated || azFacts.initiated,
    },
    routes,
    ikeAlgorithms: awsSa?.ikeAlgorithms,
    ipsecDetail: awsSa?.childDetail,
  };
}

/** 0 nothing, 1 IKE, 2 IPsec, 3 BGP, 4 routes both ways. */
function phaseOf(o: TunnelObservation): number {
  if (o.ike !== 'ESTABLISHED') return 0;
  if (o.child !== 'INSTALLED') return 1;
  if (o.bgp !== 'Established') return 2;
  return o.routesReceived > 0 ? 4 : 3;
}

/** `swanctl --rekey` of every tunnel's child SA on the AWS side; true when each was established anew. */
async function rekeyChildren(lab: Lab, pairs: readonly TunnelPair[]): Promise<boolean> {
  const established = (log: string, name: string) =>
    log.split('\n').filter((l) => l.includes(`CHILD_SA ${name}{`) && l.includes('established')).length;
  const logFile = join(lab.sideDir('aws'), 'charon.log');
  const before = new Map(pairs.map((p) => [p.aws.name, established(readLog(logFile), p.aws.name)]));
  await Promise.all(pairs.map((p) => lab.swanctl('aws', '--rekey', '--child', p.aws.name).catch(() => '')));
  const end = performance.now() + 10000;
  while (performance.now() < end) {
    const log = readLog(logFile);
    if (pairs.every((p) => established(log, p.aws.name) > before.get(p.aws.name)!)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

const readLog = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** Runs the twin for one plan (and fault) and tears everything down, whatever happens. */
export async function runTwin(options: TwinOptions): Promise<TwinResult> {
  const missing = missingPrerequisites();
  if (missing.length > 0) throw new TwinPrerequisiteError(missing);
  const log = options.log ?? (() => undefined);
  const fault = options.fault === undefined ? undefined : twinFault(options.fault);
  const t0 = performance.now();
  const emitted = options.emitted ?? await emitPlan(options.plan, { peerOutputs: options.peerOutputs });
  const sides = emittedSides(emitted, fault);
  const tEmit = performance.now();
  log(`emitted: AWS half synthesized, Azure half rendered${fault ? `, fault '${fault.id}' injected (${fault.injection})` : ''}`);
  const lab = new Lab(sides);
  let result: (Omit<TwinResult, 'timings' | 'lab'> & { settledMs: number; }) | undefined;
  let tStart = tEmit;
  let tUp = tEmit;
  let tDown = tEmit;
  try {
    const step = async (what: string, action: () => Promise<void>) => {
      const before = performance.now();
      await action();
      log(`  ${what}: ${((performance.now() - before) / 1000).toFixed(1)} s`);
    };
    await step('namespaces and links', () => lab.buildNetwork());
    await step('daemons', () => lab.startDaemons());
    // Responders first (the Azure instances), so the initiator never starts towards an unconfigured peer.
    await step('IKE configuration', () => lab.loadIke([sides.filter((s) => s.id !== 'aws'), [sides.find((s) => s.id === 'aws')!]]));
    tStart = performance.now();
    log(
      `namespaces ${Object.values(lab.namespaces).join(', ')} up, daemons started (pids ${
        lab.daemonList().map((d) => `${d.side} ${d.name} ${d.pid}`).join(', ')
      }), ` +
        `IKE configuration loaded (${((tStart - tEmit) / 1000).toFixed(1)} s)`,
    );
    result = await watch(lab, sides, fault, options, tStart, log);
    tUp = performance.now();
  } finally {
    const before = performance.now();
    await lab.teardown();
    tDown = performance.now();
    log(`torn down in ${((tDown - before) / 1000).toFixed(1)} s`);
    tUp = tUp === tEmit ? before : tUp;
  }
  const { settledMs, ...rest } = result!;
  return {
    ...rest,
    lab: { runDir: lab.dir, namespaces: Object.values(lab.namespaces), daemons: lab.daemonList() },
    timings: {
      emitMs: tEmit - t0,
      startMs: tStart - tEmit,
      upMs: settledMs,
      checksMs: tUp - tStart - settledMs,
      teardownMs: tDown - tUp,
      totalMs: tDown - t0,
    },
  };
}

async function watch(
  lab: Lab,
  sides: TwinSide[],
  fault: TwinFault | undefined,
  options: TwinOptions,
  start: number,
  log: (line: string) => void,
): Promise<Omit<TwinResult, 'timings' | 'lab'> & { settledMs: number; }> {
  const pairs = pairTunnels(sides);
  const times = pairs.map(() => ({} as { ike?: number; ipsec?: number; bgp?: number; routes?: number; }));
  const lastChange = pairs.map(() => ({ phase: -1, at: start }));
  const timeoutMs = (options.timeoutSeconds ?? 45) * 1000;
  const settleMs = (options.settleSeconds ?? 7) * 1000;
  let latest: ReturnType<typeof observe>[] = [];
  for (;;) {
    const snap = await snapshot(lab, sides);
    const now = performance.now();
    latest = pairs.map((p) => observe(p, snap));
    latest.forEach(({ observation }, i) => {
      const phase = phaseOf(observation);
      const t = times[i];
      const at = Math.round(now - start);
      if (phase >= 1 && t.ike === undefined) t.ike = at;
      if (phase >= 2 && t.ipsec === undefined) t.ipsec = at;
      if (phase >= 3 && t.bgp === undefined) t.bgp = at;
      if (phase >= 4 && t.routes === undefined) t.routes = at;
      if (phase !== lastChange[i].phase) lastChange[i] = { phase, at: now };
    });
    const allUp = latest.every((l) => phaseOf(l.observation) === 4);
    const settled = latest.every((l, i) => {
      const phase = phaseOf(l.observation);
      if (phase === 4) return true;
      const quiet = now - lastChange[i].at;
      const definite = l.observation.ikeError ?? l.observation.childError ?? l.observation.bgpError;
      return (definite !== undefined && quiet >= 1000) || (quiet >= settleMs && now - start >= settleMs);
    });
    if (allUp || settled || now - start > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const settledMs = performance.now() - start;
  const allUp = latest.every((l) => phaseOf(l.observation) === 4);
  let prefixesInFib = false;
  let dataPlane = false;
  let pfsRekeyed = false;
  if (allUp) {
    const aws = sides.find((s) => s.id === 'aws')!;
    const azure = sides.filter((s) => s.id !== 'aws');
    const inFib = async (side: TwinSide, prefix: string) =>
      (await lab.ipIn(side.id, 'route', 'show', prefix, 'proto', 'bgp').catch(() => '')).trim().length > 0;
    // zebra installs what bgpd accepted a moment later: give it a few seconds. With kernel-libipsec,
    // charon re-adding ipsec0's addresses can drop a route zebra installed just before (seen about one
    // run in six, on an Azure instance); a soft reset makes bgpd hand the route to zebra again.
    const fibDeadline = performance.now() + 8000;
    let resetDone = false;
    const fibStart = performance.now();
    do {
      const present = await Promise.all([inFib(aws, azure[0].prefix), ...azure.map((s) => inFib(s, aws.prefix))]);
      prefixesInFib = present.every(Boolean);
      if (!prefixesInFib && !resetDone && performance.now() - fibStart > 1500) {
        resetDone = true;
        const missing = [aws, ...azure].filter((_, i) => !present[i]);
        log(`BGP routes not yet in the kernel routing table of ${missing.map((side) => side.id).join(', ')}: soft reset`);
        await Promise.all(missing.map((side) => lab.vtysh(side.id, 'clear ip bgp * soft').catch(() => '')));
      }
      if (!prefixesInFib) await new Promise((resolve) => setTimeout(resolve, 200));
    } while (!prefixesInFib && performance.now() < fibDeadline);
    dataPlane = await run('ip', ['netns', 'exec', lab.namespaces.aws, 'ping', '-c', '1', '-W', '2', '-I', aws.routerId, firstHost(azure[0].prefix)])
      .then(() => true, () => false);
    // The first child SA comes with IKE_AUTH, without a key exchange: only a rekey (CREATE_CHILD_SA)
    // uses the phase 2 DH (PFS) group. Rekey every tunnel from the AWS end and wait for the new SAs.
    pfsRekeyed = await rekeyChildren(lab, pairs);
    const snap = await snapshot(lab, sides);
    latest = pairs.map((p) => observe(p, snap));
  }
  const tunnels = pairs.map((pair, i): TwinTunnelResult => {
    const l = latest[i];
    return {
      tunnel: pair.aws.name,
      awsOutside: pair.aws.localOutside,
      azureOutside: pair.aws.remoteOutside,
      azureInstance: pair.azureSide ? (pair.azureSide.id === 'az0' ? 0 : 1) : undefined,
      awsBgpIp: pair.aws.localBgpIp,
      azureBgpIp: pair.azure?.localBgpIp,
      observation: l.observation,
      ikeAlgorithms: l.ikeAlgorithms,
      ipsecDetail: l.ipsecDetail,
      routes: l.routes,
      times: times[i],
      diagnosis: diagnoseTunnel(l.observation),
    };
  });
  log(`${allUp ? 'all tunnels up' : 'not all tunnels up'} after ${(settledMs / 1000).toFixed(1)} s`);
  return { plan: options.plan.name, fault, tunnels, allUp, prefixesInFib, dataPlane, pfsRekeyed, settledMs };
}
