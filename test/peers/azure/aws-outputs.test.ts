import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { awsTunnelEndpoints } from '../../../lib/peers/azure/pulumi/keys';
import { AwsOutputsError, outsideIpProblem, presharedKeyFromSecretString, readAwsOutputs, type AwsOutputs } from '../../../lib/handoff/aws-outputs';
import { AWS_HANDOFF_FORMAT } from '../../../lib/handoff/formats';
import { planVpn } from '../../../lib/check/validate';
import { SEED_004_TUNNELS } from './seed004';
import { testKey } from './mocks';

const ROOT = path.resolve(__dirname, '../../..');
const plan = planVpn({ name: 'aws-azure-vpn' });
const dir = mkdtempSync(path.join(tmpdir(), 'aws-outputs-'));
const ARN = (id: string) => `arn:aws:secretsmanager:us-east-1:123456789012:secret:aws-azure-vpn/${id}/psk-AbCdEf`;
const OUTSIDE: Record<string, string> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};

/** A hand-off of the documented plan, written from seed 004's table; `edit` changes a copy. */
interface EditableHandoff {
  format: string;
  plan: string;
  awsAsn: unknown;
  vpnGatewayId: string;
  tunnels: Record<string, unknown>[];
}
function handoff(edit: (h: EditableHandoff) => void = () => {}): EditableHandoff {
  const h: EditableHandoff = {
    format: AWS_HANDOFF_FORMAT,
    plan: 'aws-azure-vpn',
    awsAsn: 64512,
    vpnGatewayId: 'vgw-0123456789abcdef0',
    tunnels: SEED_004_TUNNELS.map((t) => ({
      id: t.id,
      awsConnection: t.id.startsWith('Instance0') ? 1 : 2,
      awsTunnel: t.id.endsWith('1') ? 1 : 2,
      insideCidr: t.insideCidr,
      awsBgpIp: t.awsPeer,
      azureBgpIp: t.azure,
      outsideIp: OUTSIDE[t.id],
      presharedKeySecretArn: ARN(t.id),
    })),
  };
  edit(h);
  return h;
}

let fileCount = 0;
function outputsFile(content: unknown): string {
  const file = path.join(dir, `outputs-${fileCount++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}
const stackWith = (h: unknown, key = 'VpnHandoff') => ({ VpnStack: { [key]: JSON.stringify(h), VpnInstance0Tunnel1OutsideIp: '192.0.2.10' } });

function errorOf(file: string): AwsOutputsError {
  try {
    readAwsOutputs(file, plan);
  } catch (e) {
    if (e instanceof AwsOutputsError) return e;
    throw e;
  }
  throw new Error('expected an AwsOutputsError');
}

describe('readAwsOutputs: a good file', () => {
  test('samples/aws-outputs.json: each plan tunnel gets its outside IP and secret ARN, by inside CIDR', () => {
    const outputs = readAwsOutputs(path.join(ROOT, 'samples/aws-outputs.json'), plan);
    expect(Object.keys(outputs.tunnels)).toEqual(SEED_004_TUNNELS.map((t) => t.id));
    for (const t of SEED_004_TUNNELS) {
      expect(outputs.tunnels[t.id]).toMatchObject({ insideCidr: t.insideCidr, outsideIp: OUTSIDE[t.id] });
      expect(outputs.tunnels[t.id].presharedKeySecretArn).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:/);
    }
    expect(JSON.stringify(outputs)).not.toMatch(/presharedKey"\s*:/);
  });

  test('C05: tunnels are matched by inside CIDR, not by position', () => {
    const reversed = handoff((h) => h.tunnels.reverse());
    const outputs = readAwsOutputs(outputsFile(stackWith(reversed)), plan);
    expect(outputs.tunnels.Instance0Tunnel1.outsideIp).toBe('192.0.2.10');
    expect(outputs.tunnels.Instance1Tunnel2.outsideIp).toBe('198.51.100.11');
  });

  test('the hand-off of this plan is picked among other stacks and other plans', () => {
    const other = handoff((h) => {
      h.plan = 'another-vpn';
    });
    const outputs = readAwsOutputs(outputsFile({ OtherStack: { OtherHandoff: JSON.stringify(other) }, ...stackWith(handoff()) }), plan);
    expect([outputs.stackName, outputs.outputKey]).toEqual(['VpnStack', 'VpnHandoff']);
  });
});

describe('readAwsOutputs: bad files, each problem named with the file and field', () => {
  test('a missing file', () => {
    const file = path.join(dir, 'nope.json');
    expect(errorOf(file).message).toMatch(new RegExp(`${file}[\\s\\S]*ENOENT`));
  });

  test('not JSON', () => {
    const file = outputsFile('{ "VpnStack": ');
    expect(errorOf(file).message).toMatch(/is not valid JSON: it ends before the value is complete \(line 1, column 15\)/);
    expect(errorOf(file).message).toContain(file);
  });

  test('no hand-off output at all', () => {
    const message = errorOf(outputsFile({ VpnStack: { VpcId: 'vpc-1' } })).message;
    expect(message).toMatch(/no output key ends with 'Handoff'/);
  });

  test("only another plan's hand-off: says what was found", () => {
    const message = errorOf(outputsFile(stackWith(handoff((h) => {
      h.plan = 'another-vpn';
    })))).message;
    expect(message).toMatch(/of plan 'aws-azure-vpn'[\s\S]*VpnStack\.VpnHandoff \(plan "another-vpn"\)/);
  });

  test('two hand-offs of the same plan are ambiguous', () => {
    const file = outputsFile({ ...stackWith(handoff()), SecondStack: { VpnHandoff: JSON.stringify(handoff()) } });
    expect(errorOf(file).message).toMatch(/2 outputs[\s\S]*VpnStack\.VpnHandoff, SecondStack\.VpnHandoff[\s\S]*ambiguous/);
  });

  test('a malformed hand-off: every shape problem at once, with its path', () => {
    const bad = handoff((h) => {
      h.awsAsn = '64512';
      delete h.tunnels[1].outsideIp;
      h.tunnels[2].presharedKeySecretArn = 'my-secret';
    });
    const file = outputsFile(stackWith(bad));
    const paths = errorOf(file).findings.map((f) => f.path);
    expect(paths).toEqual([
      `${file}:VpnStack.VpnHandoff.awsAsn`,
      `${file}:VpnStack.VpnHandoff.tunnels[1].outsideIp`,
      `${file}:VpnStack.VpnHandoff.tunnels[2].presharedKeySecretArn`,
    ]);
  });

  test('C05, C15: a plan tunnel missing from the file and an inside CIDR the plan does not have, both reported', () => {
    const bad = handoff((h) => {
      h.tunnels[3].insideCidr = '169.254.22.8/30';
    });
    const error = errorOf(outputsFile(stackWith(bad)));
    const byPath = error.findings.map((f) => [f.path.replace(/^.*VpnHandoff\./, ''), f.catalogue]);
    expect(byPath).toEqual([['tunnels[3].insideCidr', ['C05']], ['tunnels', ['C05', 'C15']]]);
    expect(error.message).toMatch(/'169\.254\.22\.8\/30'.*not an inside CIDR of plan/);
    expect(error.message).toMatch(/plan tunnel Instance1Tunnel2 \(inside CIDR 169\.254\.22\.4\/30\) is missing/);
  });

  test("C11: an AWS ASN other than the plan's", () => {
    const error = errorOf(outputsFile(stackWith(handoff((h) => {
      h.awsAsn = 64513;
    }))));
    expect(error.findings).toEqual([expect.objectContaining({ catalogue: ['C11'], path: expect.stringMatching(/\.awsAsn$/) })]);
    expect(error.message).toMatch(/64513.*64512/);
  });

  test('C15: a tunnel on the other AWS connection than the plan says', () => {
    const bad = handoff((h) => {
      h.tunnels[0].awsConnection = 2;
    });
    expect(errorOf(outputsFile(stackWith(bad))).findings).toEqual([expect.objectContaining({ catalogue: ['C15'] })]);
  });

  test('C15: two tunnels swapped within one AWS connection are each reported with the tunnel the plan means', () => {
    // Instance0Tunnel1 and Instance0Tunnel2 are AWS connection 1's tunnels 1 and 2; the file says 2 and 1.
    const bad = handoff((h) => {
      h.tunnels[0].awsTunnel = 2;
      h.tunnels[1].awsTunnel = 1;
    });
    const findings = errorOf(outputsFile(stackWith(bad))).findings;
    expect(findings.map((f) => [f.path.replace(/^.*VpnHandoff\./, ''), f.catalogue])).toEqual([['tunnels[0]', ['C15']], ['tunnels[1]', ['C15']]]);
    expect(findings[0].message).toMatch(
      /169\.254\.21\.0\/30 is AWS connection 1 tunnel 2 here, but the plan puts it on connection 1 tunnel 1 \(Instance0Tunnel1\)/,
    );
    expect(findings[1].fix).toBe('AWS connection 1 tunnel 2 (deploy AWS from the same plan).');
  });

  test.each([
    ['awsBgpIp', '169.254.21.2'],
    ['azureBgpIp', '169.254.21.1'],
  ])('C05: the field %s that does not follow the inside CIDR (%s) is refused with the addresses the plan derives', (field, value) => {
    const bad = handoff((h) => {
      h.tunnels[0][field] = value;
    });
    const findings = errorOf(outputsFile(stackWith(bad))).findings;
    expect(findings.map((f) => [f.path.replace(/^.*VpnHandoff\./, ''), f.catalogue])).toEqual([['tunnels[0]', ['C05']]]);
    expect(findings[0].message).toContain('do not follow 169.254.21.0/30: AWS takes the first host, Azure the second');
    expect(findings[0].fix).toBe('awsBgpIp 169.254.21.1, azureBgpIp 169.254.21.2.');
  });

  test("C05, C15: a hand-off of another format version is not read as this plan's: it is named as found, and a current one beside it is used", () => {
    const old = handoff((h) => {
      h.format = 'multicloud-vpn/aws-handoff@0';
    });
    expect(errorOf(outputsFile(stackWith(old))).message)
      .toMatch(
        new RegExp(
          `no output holds the hand-off \\(format ${
            AWS_HANDOFF_FORMAT.replace(/[.@/]/g, '\\$&')
          }\\) of plan 'aws-azure-vpn': found only VpnStack\\.VpnHandoff \\(format "multicloud-vpn/aws-handoff@0"\\)`,
        ),
      );
    const both = readAwsOutputs(outputsFile({ OldStack: { VpnHandoff: JSON.stringify(old) }, ...stackWith(handoff()) }), plan);
    expect([both.stackName, both.outputKey]).toEqual(['VpnStack', 'VpnHandoff']);
  });

  test('C04: an inside CIDR twice', () => {
    const bad = handoff((h) => {
      h.tunnels[1] = { ...h.tunnels[0] };
    });
    const catalogues = errorOf(outputsFile(stackWith(bad))).findings.map((f) => f.catalogue.join());
    expect(catalogues).toContain('C04');
  });

  test('a non-public outside IP; documentation ranges (RFC 5737) are accepted', () => {
    const bad = handoff((h) => {
      h.tunnels[2].outsideIp = '10.0.0.7';
      h.tunnels[3].outsideIp = '100.64.1.1';
    });
    const error = errorOf(outputsFile(stackWith(bad)));
    expect(error.findings.map((f) => f.path.replace(/^.*VpnHandoff\./, ''))).toEqual(['tunnels[2].outsideIp', 'tunnels[3].outsideIp']);
    expect(error.message).toMatch(/"10\.0\.0\.7" is not a public address \(range: private\)/);
    expect(outsideIpProblem('203.0.113.5')).toBeUndefined();
    expect(outsideIpProblem('52.95.1.1')).toBeUndefined();
    expect(outsideIpProblem('192.0.2.256')).toMatch(/not an IPv4 address/);
  });
});

describe("C22: the secret ARNs are trusted only when they are one VPN's four keys", () => {
  const arnIn = (partition: string, region: string, account: string, id: string) =>
    `arn:${partition}:secretsmanager:${region}:${account}:secret:aws-azure-vpn/${id}/psk-AbCdEf`;
  const withArns = (arnOf: (id: string, index: number) => string) =>
    handoff((h) =>
      h.tunnels.forEach((t, i) => {
        t.presharedKeySecretArn = arnOf(String(t.id), i);
      })
    );
  const findingsOf = (h: EditableHandoff, forPlan = plan) => {
    try {
      readAwsOutputs(outputsFile(stackWith(h)), forPlan);
      return [];
    } catch (e) {
      if (!(e instanceof AwsOutputsError)) throw e;
      return e.findings.map((f) => ({ ...f, path: f.path.replace(/^.*VpnHandoff\./, '') }));
    }
  };

  test.each([
    ['aws', 'us-east-1'],
    ['aws-cn', 'cn-north-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-iso', 'us-iso-east-1'],
    ['aws-iso-b', 'us-isob-east-1'],
    ['aws-iso-e', 'eu-isoe-west-1'],
    ['aws-iso-f', 'us-isof-south-1'],
    ['aws-eusc', 'eusc-de-east-1'],
  ])('C22: four distinct secrets in one account and region of partition %s (%s) are accepted', (partition, region) => {
    expect(findingsOf(withArns((id) => arnIn(partition, region, '123456789012', id)))).toEqual([]);
  });

  test("C22: a secret in another account names the tunnel and the field, against the other three's account", () => {
    const findings = findingsOf(withArns((id, i) => arnIn('aws', 'us-east-1', i === 2 ? '999999999999' : '123456789012', id)));
    expect(findings).toEqual([expect.objectContaining({ path: 'tunnels[2].presharedKeySecretArn', catalogue: ['C22'], level: 'error' })]);
    expect(findings[0].message).toBe(
      "tunnel Instance1Tunnel1: account '999999999999' differs from '123456789012' of Instance0Tunnel1, " +
        'Instance0Tunnel2, Instance1Tunnel2; the AWS stack keeps all four keys in one account.',
    );
    expect(findings[0].fix).toContain('Instance1Tunnel1');
  });

  test('C22: a secret in another region of the same partition is refused', () => {
    const findings = findingsOf(withArns((id, i) => arnIn('aws', i === 0 ? 'us-west-2' : 'us-east-1', '123456789012', id)));
    expect(findings.map((f) => [f.path, f.message])).toEqual([
      ['tunnels[0].presharedKeySecretArn', expect.stringContaining("tunnel Instance0Tunnel1: region 'us-west-2' differs from 'us-east-1'")],
    ]);
  });

  test("C22: the secrets' region must be the plan's aws.region when it gives one", () => {
    const inEuWest1 = planVpn({ name: 'aws-azure-vpn', aws: { region: 'eu-west-1' } });
    const findings = findingsOf(handoff(), inEuWest1);
    expect(findings.map((f) => f.path)).toEqual([0, 1, 2, 3].map((i) => `tunnels[${i}].presharedKeySecretArn`));
    expect(findings[0].message).toBe("tunnel Instance0Tunnel1: the secret is in region 'us-east-1', the plan's aws.region is 'eu-west-1'.");
    expect(findingsOf(withArns((id) => arnIn('aws', 'eu-west-1', '123456789012', id)), inEuWest1)).toEqual([]);
  });

  test('C22: two tunnels naming the same secret are refused: one key per tunnel', () => {
    const findings = findingsOf(
      withArns((_, i) =>
        arnIn('aws', 'us-east-1', '123456789012', i === 3 ? 'Instance1Tunnel1' : ['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1'][i])
      ),
    );
    expect(findings.map((f) => [f.path, f.message])).toEqual([
      ['tunnels[3].presharedKeySecretArn', 'tunnel Instance1Tunnel2 names the same secret as tunnel Instance1Tunnel1; each tunnel has its own key.'],
    ]);
  });

  test('C22: a partition that does not exist, and a region outside its partition, are refused with the real ones', () => {
    const fake = findingsOf(withArns((id) => arnIn('aws-moon', 'us-east-1', '123456789012', id)));
    expect(fake).toHaveLength(4);
    expect(fake[0]).toMatchObject({
      path: 'tunnels[0].presharedKeySecretArn',
      message: "tunnel Instance0Tunnel1: partition 'aws-moon' is not an AWS partition.",
    });
    expect(fake[0].fix).toContain('aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc');
    expect(fake[0].fix).toContain("'aws' for region us-east-1");
    const crossed = findingsOf(withArns((id) => arnIn('aws-cn', 'us-east-1', '123456789012', id)));
    expect(crossed.map((f) => f.message)).toEqual(['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2']
      .map((id) => `tunnel ${id}: region 'us-east-1' is not a region of partition 'aws-cn'.`));
    expect(crossed[0].fix).toContain("partition 'aws' for us-east-1");
  });

  test('C22: a secret in another partition than the other three is named', () => {
    const findings = findingsOf(
      withArns((id, i) => (i === 1 ? arnIn('aws-cn', 'cn-north-1', '123456789012', id) : arnIn('aws', 'us-east-1', '123456789012', id))),
    );
    expect(findings.map((f) => f.path)).toEqual(['tunnels[1].presharedKeySecretArn', 'tunnels[1].presharedKeySecretArn']);
    expect(findings.map((f) => f.message)).toEqual([
      "tunnel Instance0Tunnel2: partition 'aws-cn' differs from 'aws' of Instance0Tunnel1, Instance1Tunnel1, Instance1Tunnel2; the AWS stack keeps all four keys in one partition.",
      "tunnel Instance0Tunnel2: region 'cn-north-1' differs from 'us-east-1' of Instance0Tunnel1, Instance1Tunnel1, Instance1Tunnel2; the AWS stack keeps all four keys in one region.",
    ]);
  });
});

describe('pre-shared keys from the hand-off', () => {
  const outputs: AwsOutputs = readAwsOutputs(path.join(ROOT, 'samples/aws-outputs.json'), plan);
  const keys = new Map<string, string>();
  /** A key per tunnel, generated per run. */
  const TEST_KEY = (id: string) => {
    if (!keys.has(id)) keys.set(id, testKey());
    return keys.get(id)!;
  };

  test('C23: each key is read by its ARN and comes back a Pulumi secret with its C22 findings', async () => {
    const asked: string[] = [];
    const endpoints = await awsTunnelEndpoints(outputs, {
      readSecret: async (arn) => {
        asked.push(arn);
        return TEST_KEY(/(Instance\dTunnel\d)/.exec(arn)![1]);
      },
    });
    expect(asked.sort()).toEqual(Object.values(outputs.tunnels).map((t) => t.presharedKeySecretArn).sort());
    for (const [id, endpoint] of Object.entries(endpoints)) {
      expect(endpoint.outsideIp).toBe(outputs.tunnels[id].outsideIp);
      expect(endpoint.presharedKeyProblems).toEqual([]);
      expect(await pulumi.isSecret(endpoint.presharedKey as pulumi.Output<string>)).toBe(true);
    }
  });

  test('a key in Pulumi config takes precedence over Secrets Manager', async () => {
    const asked: string[] = [];
    const endpoints = await awsTunnelEndpoints(outputs, {
      readSecret: async (arn) => {
        asked.push(arn);
        return 'FromSecretsManager1';
      },
      fromConfig: (id) => (id === 'Instance1Tunnel1' ? '0fromconfig' : undefined),
    });
    expect(asked).toHaveLength(3);
    expect(asked).not.toContain(outputs.tunnels.Instance1Tunnel1.presharedKeySecretArn);
    // C22: the config key's format problem is found before wrapping, without the value.
    expect(endpoints.Instance1Tunnel1.presharedKeyProblems).toEqual([expect.stringMatching(/starts with '0'/)]);
  });

  test('C22: a key read for two tunnels is marked on both with the other tunnel id (never the value); distinct keys are not marked', async () => {
    const reused = testKey();
    const endpoints = await awsTunnelEndpoints(outputs, {
      readSecret: async (arn) => {
        const id = /(Instance\dTunnel\d)/.exec(arn)![1];
        return id === 'Instance0Tunnel1' || id === 'Instance1Tunnel2' ? reused : TEST_KEY(id);
      },
    });
    expect(Object.fromEntries(Object.entries(endpoints).map(([id, e]) => [id, e.presharedKeySameAs]))).toEqual({
      Instance0Tunnel1: ['Instance1Tunnel2'],
      Instance0Tunnel2: [],
      Instance1Tunnel1: [],
      Instance1Tunnel2: ['Instance0Tunnel1'],
    });
    expect(JSON.stringify(Object.values(endpoints).map((e) => e.presharedKeySameAs))).not.toContain(reused);
  });

  test('a secret that cannot be read names the tunnel, the ARN and the way out', async () => {
    const failing = awsTunnelEndpoints(outputs, {
      readSecret: async () => {
        throw new Error('AccessDeniedException: not allowed.');
      },
    });
    await expect(failing).rejects.toThrow(
      /tunnel Instance0Tunnel1 from arn:aws:secretsmanager:[^ ]+ .*AccessDenied[\s\S]*presharedKey\.Instance0Tunnel1/,
    );
  });

  test('a JSON secret string gives its key field; the error never quotes the secret', () => {
    const [plain, json, only, a, b] = [testKey(), testKey(), testKey(), testKey(), testKey()];
    expect(presharedKeyFromSecretString(plain, 'arn')).toBe(plain);
    expect(presharedKeyFromSecretString(JSON.stringify({ psk: json }), 'arn')).toBe(json);
    expect(presharedKeyFromSecretString(JSON.stringify({ only }), 'arn')).toBe(only);
    const twoFields = JSON.stringify({ a, b });
    expect(() => presharedKeyFromSecretString(twoFields, 'arn')).toThrow(/without a single key field/);
    try {
      presharedKeyFromSecretString(twoFields, 'arn');
    } catch (e) {
      expect((e as Error).message).not.toContain(a);
      expect((e as Error).message).not.toContain(b);
    }
  });
});
