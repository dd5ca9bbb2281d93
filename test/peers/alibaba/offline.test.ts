/**
 * The offline Alibaba listing (lib/peers/alibaba/offline.ts): one gateway, four customer gateways, two
 * connections with correctly paired tunnels (C34, C39), eight alarms (C43), keys masked (C23); and the
 * sample outputs file against the outputs schema.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { offlineAlibabaListing, OFFLINE_GATEWAY_IPS, SECRET_MASK, type OfflineAlibabaListing } from '../../../lib/peers/alibaba/pulumi/offline';
import { alibabaOutputsSchema } from '../../../lib/peers/alibaba/outputs';
import { testKey } from './mocks';

const ROOT = path.resolve(__dirname, '../../..');
const PLAN_FILE = path.join(ROOT, 'examples/alibaba-plan.json');
const AWS_OUTPUTS = path.join(ROOT, 'samples/alibaba-aws-outputs.json');
const count = (listing: OfflineAlibabaListing, type: string) => listing.resources.filter((r) => r.type === type).length;

describe('offline Alibaba listing (Pulumi mocks)', () => {
  const keys = new Map<string, string>();
  const logged: string[] = [];
  let listing: OfflineAlibabaListing;
  let json: string;
  beforeAll(async () => {
    listing = await offlineAlibabaListing({
      planFile: PLAN_FILE,
      awsOutputsFile: AWS_OUTPUTS,
      readSecret: async (arn) => {
        if (!keys.has(arn)) keys.set(arn, testKey());
        return keys.get(arn)!;
      },
      log: (text) => logged.push(text),
    });
    json = JSON.stringify(listing);
  });

  test('C34: one gateway, four customer gateways, two connections, one contact group and eight alarms', () => {
    expect(
      [
        'alicloud:vpn/gateway:Gateway',
        'alicloud:vpn/customerGateway:CustomerGateway',
        'alicloud:vpn/connection:Connection',
        'alicloud:cms/alarmContactGroup:AlarmContactGroup',
        'alicloud:cms/alarm:Alarm',
      ].map((t) => count(listing, t)),
    ).toEqual([1, 4, 2, 1, 8]);
    expect(listing.resources[0].type).toBe('multicloud-vpn:alibaba:VpnGateway');
  });

  test('C39: each connection pairs master on IP 1 with AWS connection 1 and slave on IP 2 with AWS connection 2, tunnel k facing tunnel k', () => {
    expect(listing.tunnels.map((t) => [t.connection, t.role, t.gatewayIp, t.awsTunnel, t.customerGatewayIp, t.tunnelCidr, t.localBgpIp, t.peerBgpIp]))
      .toEqual([
        [
          'aws-alibaba-vpn-ipsec-1',
          'master',
          OFFLINE_GATEWAY_IPS[0],
          'Instance0Tunnel1',
          '192.0.2.10',
          '169.254.21.0/30',
          '169.254.21.2',
          '169.254.21.1',
        ],
        [
          'aws-alibaba-vpn-ipsec-1',
          'slave',
          OFFLINE_GATEWAY_IPS[1],
          'Instance1Tunnel1',
          '198.51.100.10',
          '169.254.21.4/30',
          '169.254.21.6',
          '169.254.21.5',
        ],
        [
          'aws-alibaba-vpn-ipsec-2',
          'master',
          OFFLINE_GATEWAY_IPS[0],
          'Instance0Tunnel2',
          '192.0.2.11',
          '169.254.22.0/30',
          '169.254.22.2',
          '169.254.22.1',
        ],
        [
          'aws-alibaba-vpn-ipsec-2',
          'slave',
          OFFLINE_GATEWAY_IPS[1],
          'Instance1Tunnel2',
          '198.51.100.11',
          '169.254.22.4/30',
          '169.254.22.6',
          '169.254.22.5',
        ],
      ]);
    expect(new Set(listing.tunnels.map((t) => `${t.localAsn}/${t.peerAsn}`))).toEqual(new Set(['45104/64512']));
  });

  test('C23: no key appears anywhere in the listing; every psk field is masked', () => {
    expect(keys.size).toBe(4);
    for (const key of keys.values()) expect(json).not.toContain(key);
    const psks = listing.resources.filter((r) => r.type === 'alicloud:vpn/connection:Connection')
      .flatMap((r) =>
        (r.inputs as { tunnelOptionsSpecifications: { tunnelIkeConfig: { psk: string; }; }[]; }).tunnelOptionsSpecifications.map((t) =>
          t.tunnelIkeConfig.psk
        )
      );
    expect(psks).toEqual(Array(4).fill(SECRET_MASK));
    expect(listing.tunnels.every((t) => t.presharedKey === SECRET_MASK)).toBe(true);
  });

  test('C41: the four customer gateways carry the AWS ASN from creation', () => {
    const asns = listing.resources.filter((r) => r.type === 'alicloud:vpn/customerGateway:CustomerGateway').map((r) =>
      (r.inputs as { asn: string; }).asn
    );
    expect(asns).toEqual(Array(4).fill('64512'));
  });

  test('C23: without a reader, random stand-in keys are used and the log says so, never printing one', async () => {
    const notes: string[] = [];
    const first = await offlineAlibabaListing({ planFile: PLAN_FILE, awsOutputsFile: AWS_OUTPUTS, alarms: false, log: (t) => notes.push(t) });
    expect(notes.join('\n')).toMatch(/stand-in pre-shared key/);
    expect(JSON.stringify(first)).not.toMatch(/"psk":"(?!\[secret\])/);
    expect(count(first, 'alicloud:cms/alarm:Alarm')).toBe(0);
  });

  test('first run: the gateway alone, no tunnel rows', async () => {
    const first = await offlineAlibabaListing({ planFile: PLAN_FILE, log: () => undefined });
    expect(first.resources.map((r) => r.type)).toEqual(['multicloud-vpn:alibaba:VpnGateway', 'alicloud:vpn/gateway:Gateway']);
    expect(first.tunnels).toEqual([]);
  });
});

describe('samples/alibaba-outputs.json', () => {
  const sample = () => JSON.parse(readFileSync(path.join(ROOT, 'samples/alibaba-outputs.json'), 'utf8')) as Record<string, unknown>;

  test('is what the program outputs: IP 1 first, a gateway id, two connection ids, documentation addresses', () => {
    const parsed = alibabaOutputsSchema.parse(sample());
    expect(parsed.gatewayPublicIps).toEqual([...OFFLINE_GATEWAY_IPS]);
    expect(parsed.connectionIds).toHaveLength(2);
  });

  test('the schema refuses one IP, the same IP twice, a private IP and an Azure-style id', () => {
    for (
      const bad of [{ gatewayPublicIps: ['203.0.113.10'] }, { gatewayPublicIps: ['203.0.113.10', '203.0.113.10'] }, {
        gatewayPublicIps: ['10.0.0.1', '203.0.113.10'],
      }, { gatewayId: '/subscriptions/x' }]
    ) {
      expect(alibabaOutputsSchema.safeParse({ ...sample(), ...bad }).success).toBe(false);
    }
  });
});
