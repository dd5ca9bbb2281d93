/**
 * The twin's machinery: three network namespaces (the AWS VGW, Azure gateway instances 0 and 1),
 * joined by one veth pair per Azure instance, one charon and one zebra + bgpd per namespace.
 * Every address exists only inside these namespaces; nothing is added to the root namespace.
 * Every daemon is a child of this process, stopped by its own PID; `teardown` runs on success,
 * failure, SIGINT and SIGTERM, and a synchronous last resort runs on process exit.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bgpdConf, credentials, strongswanConf, swanctlConf, zebraConf } from './configs';
import { BGPD, CHARON, ZEBRA } from './prerequisites';

/** Where each run's directory goes (sockets, configs, logs); short on purpose, see the constructor. */
const TWIN_RUN_ROOT = '/tmp';
import type { TwinSide } from './sides';

const run = promisify(execFile);

export { missingPrerequisites, TWIN_PACKAGES } from './prerequisites';

interface Daemon {
  readonly side: string;
  readonly name: 'charon' | 'zebra' | 'bgpd';
  readonly child: ChildProcess;
  exited: boolean;
}

/** Labs alive in this process, for the signal and exit handlers. */
const liveLabs = new Set<Lab>();
let handlersInstalled = false;

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    void Promise.allSettled([...liveLabs].map((lab) => lab.teardown())).then(() => {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Last resort if the process exits with labs still up (e.g. process.exit from elsewhere).
  process.once('exit', () => {
    for (const lab of liveLabs) lab.teardownSync();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`twin: timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export class Lab {
  /** Unique per run, so several twins can run side by side. */
  readonly runId = randomBytes(3).toString('hex');
  readonly dir: string;
  readonly namespaces: Record<TwinSide['id'], string>;
  private readonly daemons: Daemon[] = [];
  private readonly createdNamespaces: string[] = [];
  private torn = false;

  constructor(private readonly sides: readonly TwinSide[]) {
    // Directly under /tmp, whatever TMPDIR says: the daemons' unix sockets live here, and a socket path
    // is limited to 107 bytes (a test runner's nested TMPDIR made zebra's too long and zebra exit).
    this.dir = mkdtempSync(join(TWIN_RUN_ROOT, 'mcvpn-twin-'));
    chmodSync(this.dir, 0o711);
    this.namespaces = { aws: `mcvpn-${this.runId}-aws`, az0: `mcvpn-${this.runId}-az0`, az1: `mcvpn-${this.runId}-az1` };
    liveLabs.add(this);
    installHandlers();
  }

  sideDir(side: TwinSide['id']): string {
    return join(this.dir, side);
  }

  private ns(side: TwinSide['id']): string {
    return this.namespaces[side];
  }

  private async ip(...args: string[]): Promise<void> {
    await run('ip', args);
  }

  /** Runs `ip` once over many commands (`ip -batch -`): one process instead of one per command. */
  private async ipBatch(namespace: string | undefined, commands: readonly string[]): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const child = execFile('ip', [...(namespace ? ['-n', namespace] : []), '-batch', '-'], (error) => (error ? reject(error) : resolve()));
      child.stdin!.end(commands.join('\n') + '\n');
    });
  }

  /** Namespaces, links and outside addresses (RFC 5737 stand-ins), all inside the namespaces. */
  async buildNetwork(): Promise<void> {
    const azure = this.sides.filter((s) => s.id !== 'aws');
    const k = (side: TwinSide) => (side.id === 'az0' ? 0 : 1);
    this.createdNamespaces.push(...this.sides.map((s) => this.ns(s.id)));
    await this.ipBatch(undefined, [
      ...this.sides.map((s) => `netns add ${this.ns(s.id)}`),
      // One veth pair per Azure instance, both ends created directly in the namespaces.
      ...azure.map((s) => `link add a${k(s)} netns ${this.ns('aws')} type veth peer name z${k(s)} netns ${this.ns(s.id)}`),
    ]);
    await Promise.all(this.sides.map((side) =>
      this.ipBatch(this.ns(side.id), [
        'link set lo up',
        // The side's own network on lo, so that BGP has its prefix to advertise.
        `addr add ${side.routerId}/${side.prefix.split('/')[1]} dev lo`,
        ...side.outsideAddresses.map((a) => `addr add ${a}/32 dev lo`),
        ...(side.id === 'aws'
          ? azure.flatMap((s) => [`link set a${k(s)} up`, ...s.outsideAddresses.map((a) => `route add ${a}/32 dev a${k(s)}`)])
          : [`link set z${k(side)} up`, `route add default dev z${k(side)}`]),
      ])
    ));
  }

  private spawnDaemon(side: TwinSide['id'], name: Daemon['name'], command: string[]): Daemon {
    const log = openSync(join(this.sideDir(side), `${name}.stdout`), 'a');
    const child = spawn('ip', ['netns', 'exec', this.ns(side), ...command], { stdio: ['ignore', log, log] });
    closeSync(log);
    const daemon: Daemon = { side, name, child, exited: false };
    child.once('exit', () => {
      daemon.exited = true;
    });
    this.daemons.push(daemon);
    return daemon;
  }

  /** charon, zebra and bgpd on every side, all at once. */
  async startDaemons(): Promise<void> {
    await Promise.all(this.sides.flatMap((side) => [this.startCharon(side), this.startFrr(side)]));
  }

  /** charon (its own /run: charon hard-codes /var/run/charon.pid, pitfall 4), then the inside addresses on ipsec0. */
  private async startCharon(side: TwinSide): Promise<void> {
    const dir = this.sideDir(side.id);
    mkdirSync(join(dir, 'varrun'), { recursive: true });
    writeFileSync(join(dir, 'strongswan.conf'), strongswanConf(dir));
    writeFileSync(join(dir, 'swanctl.conf'), swanctlConf(side));
    // `ip netns exec` runs the command in a private mount namespace: the bind mount stays there.
    this.spawnDaemon(side.id, 'charon', ['sh', '-c', `mount --bind '${dir}/varrun' /run && STRONGSWAN_CONF='${dir}/strongswan.conf' exec ${CHARON}`]);
    await waitFor(`charon's control socket on ${side.label}`, () => this.checkAlive() && existsSync(join(dir, 'charon.vici')), 20000);
    await waitFor(
      `ipsec0 on ${side.label}`,
      async () => (await run('ip', ['-n', this.ns(side.id), 'link', 'show', 'ipsec0']).then(() => true, () => false)),
      10000,
    );
    await this.ip('-n', this.ns(side.id), 'link', 'set', 'ipsec0', 'up');
    // kernel-libipsec installs a route per child SA into table 220 whatever install_routes says, and
    // kernel-netlink adds the rule that consults it. Removing the rule leaves routing to BGP alone,
    // as on a route-based gateway; with it, a wide selector would pull the next peer's IKE packets
    // into ipsec0 before its exclude route exists.
    const rules = await this.ipIn(side.id, 'rule', 'show');
    for (const line of rules.split('\n').filter((l) => /lookup 220\b/.test(l))) {
      await this.ip('-n', this.ns(side.id), 'rule', 'del', 'priority', line.split(':')[0], 'lookup', '220');
    }
    const pairs = new Set<string>();
    for (const end of side.ends) {
      const pair = `${end.localBgpIp} peer ${end.remoteBgpIp}`;
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      // Point-to-point: the peer's BGP address is connected through the userspace ESP device.
      await this.ip('-n', this.ns(side.id), 'addr', 'add', end.localBgpIp, 'peer', `${end.remoteBgpIp}/32`, 'dev', 'ipsec0');
    }
  }

  /** zebra and bgpd, in the foreground as our children; FRR's directories belong to frr (pitfall 6). */
  private async startFrr(side: TwinSide): Promise<void> {
    const dir = join(this.sideDir(side.id), 'frr');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'zebra.conf'), zebraConf(side, dir));
    writeFileSync(join(dir, 'bgpd.conf'), bgpdConf(side, dir));
    writeFileSync(join(dir, 'vtysh.conf'), '');
    const frr = frrIds();
    for (const f of ['', 'zebra.conf', 'bgpd.conf', 'vtysh.conf']) chownSync(join(dir, f), frr.uid, frr.gid);
    const zserv = join(dir, 'zserv.api');
    this.spawnDaemon(side.id, 'zebra', [
      ZEBRA,
      '-f',
      join(dir, 'zebra.conf'),
      '-i',
      join(dir, 'zebra.pid'),
      '-z',
      zserv,
      '--vty_socket',
      dir,
      '-P',
      '0',
    ]);
    // bgpd keeps retrying zebra's socket, so both start at once.
    this.spawnDaemon(side.id, 'bgpd', [BGPD, '-f', join(dir, 'bgpd.conf'), '-i', join(dir, 'bgpd.pid'), '-z', zserv, '--vty_socket', dir, '-P', '0']);
    await waitFor(`zebra and bgpd on ${side.label}`, () => this.checkAlive() && existsSync(zserv) && existsSync(join(dir, 'bgpd.vty')), 20000);
  }

  /** Throws when a daemon has died (its stdout names why). */
  private checkAlive(): boolean {
    const dead = this.daemons.find((d) => d.exited);
    if (dead) {
      throw new Error(
        `twin: ${dead.name} on ${dead.side} exited early; see ${join(this.sideDir(dead.side as TwinSide['id']), `${dead.name}.stdout`)}`,
      );
    }
    return true;
  }

  /** swanctl against a side's charon, through its socket (no namespace needed). */
  async swanctl(side: TwinSide['id'], ...args: string[]): Promise<string> {
    const dir = this.sideDir(side);
    const { stdout } = await run('swanctl', [...args, '--uri', `unix://${dir}/charon.vici`], {
      env: { ...process.env, STRONGSWAN_CONF: join(dir, 'strongswan.conf') },
    });
    return stdout;
  }

  async vtysh(side: TwinSide['id'], command: string): Promise<string> {
    const dir = join(this.sideDir(side), 'frr');
    const { stdout } = await run('vtysh', ['--vty_socket', dir, '--config_dir', dir, '-c', command]);
    return stdout;
  }

  async ipIn(side: TwinSide['id'], ...args: string[]): Promise<string> {
    const { stdout } = await run('ip', ['-n', this.ns(side), ...args]);
    return stdout;
  }

  /**
   * Loads each group's connections and keys, group after group (responders first, so an initiator
   * never starts towards a peer that has no configuration yet). The keys go through a 0600 file that
   * is deleted as soon as charon has them.
   */
  async loadIke(groups: readonly (readonly TwinSide[])[]): Promise<void> {
    for (const group of groups) {
      await Promise.all(group.map(async (side) => {
        const dir = this.sideDir(side.id);
        const creds = join(dir, 'secrets.conf');
        writeFileSync(creds, credentials(side), { mode: 0o600 });
        try {
          await this.swanctl(side.id, '--load-creds', '--noprompt', '--file', creds);
        } finally {
          unlinkSync(creds);
        }
        await this.swanctl(side.id, '--load-conns', '--file', join(dir, 'swanctl.conf'));
      }));
    }
  }

  /** Every daemon by its PID: SIGTERM, then SIGKILL after 5 s; then the namespaces and the run directory. */
  async teardown(): Promise<void> {
    if (this.torn) return;
    this.torn = true;
    const alive = this.daemons.filter((d) => !d.exited && d.child.pid !== undefined);
    for (const d of alive) d.child.kill('SIGTERM');
    const deadline = Date.now() + 5000;
    while (alive.some((d) => !d.exited) && Date.now() < deadline) await sleep(50);
    for (const d of alive.filter((x) => !x.exited)) d.child.kill('SIGKILL');
    await waitFor('daemons to exit', () => alive.every((d) => d.exited), 3000).catch(() => undefined);
    for (const ns of this.createdNamespaces) await run('ip', ['netns', 'del', ns]).catch(() => undefined);
    if (process.env.MULTICLOUD_VPN_TWIN_KEEP !== '1') rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }

  /** The exit-handler version: synchronous, best effort. */
  teardownSync(): void {
    if (this.torn) return;
    this.torn = true;
    for (const d of this.daemons) if (!d.exited && d.child.pid !== undefined) d.child.kill('SIGKILL');
    for (const ns of this.createdNamespaces) {
      try {
        execFileSync('ip', ['netns', 'del', ns]);
      } catch { /* already gone */ }
    }
    rmSync(this.dir, { recursive: true, force: true });
    liveLabs.delete(this);
  }

  /** Every daemon started, with its PID. */
  daemonList(): { side: string; name: string; pid: number; }[] {
    return this.daemons.filter((d) => d.child.pid !== undefined).map((d) => ({ side: d.side, name: d.name, pid: d.child.pid! }));
  }
}

function frrIds(): { uid: number; gid: number; } {
  const line = execFileSync('getent', ['passwd', 'frr'], { encoding: 'utf8' }).split(':');
  return { uid: Number(line[2]), gid: Number(line[3]) };
}

/** The twin's namespaces still present on this machine (a leftover means a teardown failed). */
export function twinNamespaces(): string[] {
  let out = '';
  try {
    out = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return out.split('\n').map((l) => l.split(' ')[0]).filter((n) => /^mcvpn-[0-9a-f]{6}-/.test(n));
}
