import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import {
  AlibabaDesignError,
  AlibabaVpnGateway,
  checkedPresharedKeys,
  type AlibabaAwsTunnelEndpoint,
  type AlibabaVpnGatewayArgs,
} from '../../../lib/peers/alibaba/pulumi/component';
import { ALIBABA_RULES } from '../../../lib/rules/alibaba';
import { CONNECTION_TYPE, type AlibabaResourceGraph } from '../../../lib/peers/alibaba/view';
import { checkAlibabaGraph, OUTSIDE_IPS, peer, plan, secretArn } from './fixtures';
import { capture, installMocks, MOCK_GATEWAY_IPS, testKey, valueOf, type Registered } from './mocks';

const ROOT = path.resolve(__dirname, '../../..');
const GATEWAY = 'alicloud:vpn/gateway:Gateway';
const CUSTOMER_GATEWAY = 'alicloud:vpn/customerGateway:CustomerGateway';
const TUNNEL_IDS = ['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2'];
/** Generated per run: the tests look for these values where they must (and must not) be. */
const KEYS: Record<string, string> = Object.fromEntries(TUNNEL_IDS.map((id) => [id, testKey()]));

function endpoints(withKeys: boolean): Record<string, AlibabaAwsTunnelEndpoint> {
  return Object.fromEntries(TUNNEL_IDS.map((id) => [id, {
    outsideIp: OUTSIDE_IPS[id],
    presharedKeySecretArn: secretArn(id),
    ...(withKeys ? { presharedKey: KEYS[id] } : {}),
  }]));
}

async function build(args: Partial<AlibabaVpnGatewayArgs>, opts?: pulumi.ComponentResourceOptions) {
  const vpn = new AlibabaVpnGateway('ali', { plan: plan(), peer: peer(), alarms: false, ...args }, opts);
  const [ips, gatewayId, connectionIds] = await valueOf(pulumi.all([vpn.gatewayPublicIps, vpn.gatewayId, vpn.connectionIds]));
  return { vpn, ips, gatewayId, connectionIds };
}

/** Registration order is asynchronous: by name. */
const ofType = (record: Registered[], type: string) => record.filter((r) => r.type === type).sort((a, b) => a.name.localeCompare(b.name));

describe('AlibabaVpnGateway with the AWS tunnels', () => {
  let record: Registered[];
  let built: Awaited<ReturnType<typeof build>>;
  const arnsRead: string[] = [];
  const { seen, transformation } = capture();
  beforeAll(async () => {
    record = await installMocks();
    // Keys read from "Secrets Manager" by ARN: a fake reader, never the network.
    const readSecret = async (arn: string) => {
      arnsRead.push(arn);
      return KEYS[TUNNEL_IDS.find((id) => secretArn(id) === arn)!];
    };
    built = await build({ awsTunnels: endpoints(false), readSecret }, { transformations: [transformation] });
  });

  test('C34, C39: one gateway, four customer gateways, two connections; outputs IP 1 first', () => {
    // Registration order is asynchronous: compared sorted by name.
    expect(record.map((r) => [r.type, r.name]).sort((a, b) => a[1].localeCompare(b[1]))).toEqual([
      ['multicloud-vpn:alibaba:VpnGateway', 'ali'],
      [CUSTOMER_GATEWAY, 'ali-cgw-aws1-tunnel1'],
      [CUSTOMER_GATEWAY, 'ali-cgw-aws1-tunnel2'],
      [CUSTOMER_GATEWAY, 'ali-cgw-aws2-tunnel1'],
      [CUSTOMER_GATEWAY, 'ali-cgw-aws2-tunnel2'],
      [GATEWAY, 'ali-gateway'],
      [CONNECTION_TYPE, 'ali-ipsec-1'],
      [CONNECTION_TYPE, 'ali-ipsec-2'],
    ]);
    expect(built.ips).toEqual([...MOCK_GATEWAY_IPS]);
    expect(built.gatewayId).toBe('ali-gateway-id');
    expect(built.connectionIds).toEqual(['ali-ipsec-1-id', 'ali-ipsec-2-id']);
  });

  test('C34: the gateway is dual-tunnel (two vSwitches), IPsec only, and propagates BGP routes to the VPC', () => {
    const [gateway] = ofType(record, GATEWAY);
    expect(gateway.inputs).toMatchObject({
      vpnGatewayName: 'multicloud-vpn-vpn-gw',
      vpcId: 'vpc-test',
      vswitchId: 'vsw-zone-a',
      disasterRecoveryVswitchId: 'vsw-zone-b',
      bandwidth: 10,
      vpnType: 'Normal',
      networkType: 'public',
      paymentType: 'PayAsYouGo',
      enableIpsec: true,
      enableSsl: false,
      autoPropagate: true,
    });
  });

  test('C36, C39, C41: each customer gateway is one AWS outside IP with the AWS ASN, set at creation', () => {
    expect(ofType(record, CUSTOMER_GATEWAY).map((c) => [c.inputs.customerGatewayName, c.inputs.ipAddress, c.inputs.asn])).toEqual([
      ['multicloud-vpn-aws1-tunnel1', '192.0.2.10', '64512'],
      ['multicloud-vpn-aws1-tunnel2', '192.0.2.11', '64512'],
      ['multicloud-vpn-aws2-tunnel1', '198.51.100.10', '64512'],
      ['multicloud-vpn-aws2-tunnel2', '198.51.100.11', '64512'],
    ]);
  });

  test('C39: connection k: tunnel 1 master on AWS connection 1 tunnel k, tunnel 2 slave on AWS connection 2 tunnel k, with their CIDRs, BGP IPs and keys', () => {
    const rows = ofType(record, CONNECTION_TYPE).map((c) =>
      (c.inputs.tunnelOptionsSpecifications as Record<string, Record<string, unknown>>[]).map((t) => [
        t.role,
        t.customerGatewayId,
        t.tunnelBgpConfig.tunnelCidr,
        t.tunnelBgpConfig.localBgpIp,
        t.tunnelBgpConfig.localAsn,
        // The key that reached the tunnel is its AWS tunnel's own.
        TUNNEL_IDS.find((id) => KEYS[id] === t.tunnelIkeConfig.psk),
      ])
    );
    expect(rows).toEqual([
      [
        ['master', 'ali-cgw-aws1-tunnel1-id', '169.254.21.0/30', '169.254.21.2', '45104', 'Instance0Tunnel1'],
        ['slave', 'ali-cgw-aws2-tunnel1-id', '169.254.21.4/30', '169.254.21.6', '45104', 'Instance1Tunnel1'],
      ],
      [
        ['master', 'ali-cgw-aws1-tunnel2-id', '169.254.22.0/30', '169.254.22.2', '45104', 'Instance0Tunnel2'],
        ['slave', 'ali-cgw-aws2-tunnel2-id', '169.254.22.4/30', '169.254.22.6', '45104', 'Instance1Tunnel2'],
      ],
    ]);
    expect([...arnsRead].sort()).toEqual(TUNNEL_IDS.map(secretArn).sort());
  });

  test('C37, C40: BGP on, destination routing (one CIDR each side), every IKE and IPsec field explicit on every tunnel', () => {
    for (const c of ofType(record, CONNECTION_TYPE)) {
      expect(c.inputs).toMatchObject({
        vpnGatewayId: 'ali-gateway-id',
        enableTunnelsBgp: true,
        effectImmediately: true,
        localSubnets: ['0.0.0.0/0'],
        remoteSubnets: ['0.0.0.0/0'],
      });
      for (const t of c.inputs.tunnelOptionsSpecifications as Record<string, unknown>[]) {
        expect(t).toMatchObject({
          enableDpd: true,
          enableNatTraversal: true,
          tunnelIkeConfig: { ikeVersion: 'ikev2', ikeMode: 'main', ikeEncAlg: 'aes256', ikeAuthAlg: 'sha256', ikePfs: 'group14', ikeLifetime: 28800 },
          tunnelIpsecConfig: { ipsecEncAlg: 'aes256', ipsecAuthAlg: 'sha256', ipsecPfs: 'group14', ipsecLifetime: 3600 },
        });
      }
    }
  });

  test('C23: every key reaches alicloud as a Pulumi secret; no key is in the component outputs', async () => {
    const connections = seen.filter((s) => s.type === CONNECTION_TYPE);
    const psks = connections.flatMap((s) =>
      (s.props.tunnelOptionsSpecifications as { tunnelIkeConfig: { psk: unknown; }; }[]).map((t) => t.tunnelIkeConfig.psk)
    );
    expect(psks).toHaveLength(4);
    for (const psk of psks) {
      expect(pulumi.Output.isInstance(psk)).toBe(true);
      expect(await pulumi.isSecret(psk as pulumi.Output<string>)).toBe(true);
    }
    // …and arrives at the provider marked secret (so Pulumi state encrypts it).
    for (const c of ofType(record, CONNECTION_TYPE)) {
      // Pulumi marks the whole top-level property that holds a secret.
      expect(c.secretPaths).toEqual(['tunnelOptionsSpecifications']);
    }
    const outputs = JSON.stringify([built.ips, built.gatewayId, built.connectionIds]);
    for (const key of Object.values(KEYS)) expect(outputs).not.toContain(key);
  });

  test('C42: the second connection depends on the first, and the resource graph passes the rule', () => {
    const names = new Map(seen.map((s) => [s.resource, s.name]));
    const gatewayId = seen.find((s) => s.type === GATEWAY)!.resource as pulumi.CustomResource;
    const graph: AlibabaResourceGraph = {
      resources: seen.filter((s) => s.opts.parent !== undefined).map((s) => ({
        type: s.type,
        name: s.name,
        ...(s.type === CONNECTION_TYPE && s.props.vpnGatewayId === gatewayId.id ? { gateway: names.get(gatewayId) } : {}),
        dependsOn: ([] as pulumi.Resource[]).concat((s.opts.dependsOn as pulumi.Resource[] | undefined) ?? []).map((r) => names.get(r)!),
      })),
    };
    expect(graph.resources.filter((r) => r.type === CONNECTION_TYPE).map((r) => [r.name, r.gateway, r.dependsOn])).toEqual([
      ['ali-ipsec-1', 'ali-gateway', []],
      ['ali-ipsec-2', 'ali-gateway', ['ali-ipsec-1']],
    ]);
    expect(checkAlibabaGraph(graph, ALIBABA_RULES)).toEqual([]);
    // The same graph without the chain is what C42 refuses.
    const unordered = { resources: graph.resources.map((r) => ({ ...r, dependsOn: [] })) };
    expect(checkAlibabaGraph(unordered, ALIBABA_RULES).map((f) => f.catalogue)).toEqual([['C42']]);
  });

  test('every child is parented to the component', () => {
    const children = seen.filter((s) => s.type !== 'multicloud-vpn:alibaba:VpnGateway');
    expect(children).toHaveLength(7);
    expect(children.every((s) => s.opts.parent === built.vpn)).toBe(true);
  });
});

describe('AlibabaVpnGateway: first run and refusals', () => {
  let record: Registered[];
  beforeEach(async () => {
    record = await installMocks();
  });

  test('C34: without AWS tunnels only the gateway is created (AWS needs its two IPs first)', async () => {
    const { ips, connectionIds } = await build({});
    expect(record.map((r) => r.type)).toEqual(['multicloud-vpn:alibaba:VpnGateway', GATEWAY]);
    expect(ips).toEqual([...MOCK_GATEWAY_IPS]);
    expect(connectionIds).toEqual([]);
  });

  test('C24: a policy Alibaba cannot express throws before anything is registered', () => {
    expect(() => new AlibabaVpnGateway('ali', { plan: plan({ ipsec: { phase1: { dhGroup: 20 } } }), peer: peer(), awsTunnels: endpoints(true) }))
      .toThrow(AlibabaDesignError);
    expect(record).toEqual([]);
  });

  test('C41: a local ASN equal to the AWS ASN throws with the fix, before anything is registered', () => {
    let error: unknown;
    try {
      new AlibabaVpnGateway('ali', { plan: plan(), peer: peer({ localAsn: 64512 }), awsTunnels: endpoints(true) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AlibabaDesignError);
    expect((error as AlibabaDesignError).findings.map((f) => f.catalogue)).toEqual(Array(4).fill(['C41']));
    expect((error as Error).message).toContain('a local ASN other than 64512');
    expect(record).toEqual([]);
  });

  test('C23: keys given directly are wrapped as secrets too', async () => {
    const { seen, transformation } = capture();
    await build({ awsTunnels: endpoints(true) }, { transformations: [transformation] });
    const psk =
      (seen.find((s) => s.type === CONNECTION_TYPE)!.props.tunnelOptionsSpecifications as { tunnelIkeConfig: { psk: pulumi.Output<string>; }; }[])[0]
        .tunnelIkeConfig.psk;
    expect(await pulumi.isSecret(psk)).toBe(true);
    expect(await valueOf(psk)).toBe(KEYS.Instance0Tunnel1);
  });
});

describe('checkedPresharedKeys (C22, C23)', () => {
  /** The value an Output settles to, or the error it fails with. */
  const settle = (output: pulumi.Output<string>) =>
    (output as unknown as { promise(): Promise<string>; }).promise().then((value) => ({ value }), (error: unknown) => ({ error }));

  beforeAll(async () => {
    await installMocks();
  });

  test('C22, C23: valid keys come back as secrets, each its own', async () => {
    const keys = checkedPresharedKeys(['A', 'B'], [KEYS.Instance0Tunnel1, pulumi.output(KEYS.Instance0Tunnel2)]);
    expect(await Promise.all(keys.map((k) => pulumi.isSecret(k)))).toEqual([true, true]);
    expect(await Promise.all(keys.map(settle))).toEqual([{ value: KEYS.Instance0Tunnel1 }, { value: KEYS.Instance0Tunnel2 }]);
  });

  test(
    'C22: a malformed key, or one key on two tunnels, read from the secrets fails the run before any connection exists, naming the tunnels, never a key',
    () => {
      // The failing apply ends the program (an unhandled rejection under the engine), which would also
      // end jest's worker: run it in a child process with the same mocks.
      const bad = `0${testKey()}`;
      const script = `
      const { installMocks } = require('./test/peers/alibaba/mocks');
      const { AlibabaVpnGateway } = require('./lib/peers/alibaba/pulumi/component');
      const { awsTunnels, peer, plan } = require('./test/peers/alibaba/fixtures');
      const keys = ${JSON.stringify({ ...KEYS, Instance1Tunnel1: bad, Instance0Tunnel2: KEYS.Instance0Tunnel1 })};
      installMocks().then((record) => {
        process.on('exit', () => console.log('registered:' + record.map((r) => r.name).join(',')));
        const p = plan();
        const readSecret = async (arn) => keys[Object.entries(awsTunnels(p)).find(([, t]) => t.presharedKeySecretArn === arn)[0]];
        new AlibabaVpnGateway('ali', { plan: p, peer: peer(), awsTunnels: awsTunnels(p), readSecret });
      });`;
      const run = spawnSync(process.execPath, ['--require', './test/lazy/register.js', '--require', './scripts/register-ts.js', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/\[C22 PresharedKeyFormat\] the pre-shared key of tunnel Instance1Tunnel1 starts with '0'/);
      expect(run.stderr).toContain('tunnel Instance0Tunnel1 has the same key as Instance0Tunnel2; each tunnel has its own.');
      for (const key of [bad, KEYS.Instance0Tunnel1]) expect(run.stderr + run.stdout).not.toContain(key);
      const registered = /registered:(.*)/.exec(run.stdout)?.[1].split(',') ?? [];
      expect(registered).toContain('ali-gateway');
      expect(registered.filter((name) => name.startsWith('ali-ipsec'))).toEqual([]);
    },
    120_000,
  );
});
