import { SecretValue, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import type { AzureView } from '../../../lib/peers/azure/view';
import { PresharedKeyFormat } from '../../../lib/rules/ipsec/PresharedKeyFormat';
import { presharedKeyFormatProblems } from '../../../lib/core/preshared-key';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView, synthView } from '../fixtures';

const rule = [PresharedKeyFormat];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === PresharedKeyFormat.id);
// Obviously fake keys, built at run time: never a literal that looks like a real key.
const fakeValidKey = ['fake', 'key', 'for', 'tests'].join('_');
const fakeInvalidKey = ['0fake', 'key!'].join('-');

function connection(stack: Stack, keys: string[]): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  new ec2.CfnVPNConnection(stack, 'Connection', {
    type: 'ipsec.1',
    customerGatewayId: cgw.ref,
    vpnGatewayId: vgw.ref,
    vpnTunnelOptionsSpecifications: keys.map((preSharedKey) => ({ preSharedKey })),
  });
}

describe('PresharedKeyFormat', () => {
  test('C22: the default plan (32 characters) and the compliant Azure view have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(ofRule({ aws: { presharedKeyLength: 32 } })).toEqual([]);
    expect(ofRule({ aws: { presharedKeyLength: 64 } })).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test.each([7, 65])('C22: a key length of %i is a plan error', (length) => {
    const findings = ofRule({ aws: { presharedKeyLength: length } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.presharedKeyLength', ruleId: 'PresharedKeyFormat', catalogue: ['C22'], level: 'error' });
    expect(findings[0].message).toContain(String(length));
    expect(findings[0].fix).toContain('32–64');
  });

  test('C22: a generated key shorter than 32 characters is accepted by AWS but warned about', () => {
    const result = validatePlan({ aws: { presharedKeyLength: 8 } });
    expect(result.plan).toBeDefined();
    expect(result.findings).toEqual([expect.objectContaining({ path: 'aws.presharedKeyLength', catalogue: ['C22'], level: 'warning' })]);
  });

  test('C22: the format check finds length, characters and a leading zero, without quoting the key', () => {
    expect(presharedKeyFormatProblems(fakeValidKey)).toEqual([]);
    const problems = presharedKeyFormatProblems(fakeInvalidKey);
    expect(problems).toHaveLength(2);
    expect(problems.join(' ')).toContain("starts with '0'");
    expect(problems.join(' ')).toContain('2 character(s) other than');
    expect(presharedKeyFormatProblems('a'.repeat(65))[0]).toContain('65 characters');
    expect(problems.join(' ')).not.toContain(fakeInvalidKey);
  });

  test('C22: distinct Secrets Manager references per tunnel pass', () => {
    const keys = ['t1', 't2'].map((id) => SecretValue.secretsManager(`vpn/${id}`).unsafeUnwrap());
    expect(checkCfn(synthView((s) => connection(s, keys)), rule)).toEqual([]);
  });

  test('C22: a literal key in the wrong format is an error that does not quote it', () => {
    const findings = checkCfn(synthView((s) => connection(s, [fakeInvalidKey, fakeValidKey])), rule);
    expect(findings.map((f) => f.path)).toEqual(['Connection', 'Connection']);
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[0].PreSharedKey');
    for (const f of findings) expect(`${f.message} ${f.fix}`).not.toContain(fakeInvalidKey);
  });

  test('C22: two tunnels sharing one key are an error', () => {
    const shared = SecretValue.secretsManager('vpn/shared').unsafeUnwrap();
    const findings = checkCfn(synthView((s) => connection(s, [shared, shared])), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('[1].PreSharedKey is the same key as Connection VpnTunnelOptionsSpecifications[0]');
  });

  test('C22: format problems reported by the Azure component become errors on the connection', () => {
    const view = compliantAzureView();
    const changed: AzureView = {
      ...view,
      connections: view.connections.map((
        c,
        i,
      ) => (i === 0 ? { ...c, sharedKey: { isSecret: true, formatProblems: presharedKeyFormatProblems(fakeInvalidKey) } } : c)),
    };
    const findings = checkAzure(changed, rule);
    expect(findings.map((f) => f.path)).toEqual(['connection cn-Instance0Tunnel1.sharedKey', 'connection cn-Instance0Tunnel1.sharedKey']);
    expect(findings[0].message).toMatch(/^the shared key /);
  });

  test('C22: on Azure, the same key on two connections is an error on both, naming the tunnels, never the key', () => {
    const view = compliantAzureView();
    const connections = view.connections.map((c) => ({
      ...c,
      sharedKey: {
        ...c.sharedKey,
        sameKeyAs: c.tunnelId === 'Instance0Tunnel1' ? ['Instance1Tunnel1'] : c.tunnelId === 'Instance1Tunnel1' ? ['Instance0Tunnel1'] : [],
      },
    }));
    const findings = checkAzure({ ...view, connections }, rule);
    expect(findings.map((f) => [f.path, f.catalogue, f.level])).toEqual([
      ['connection cn-Instance0Tunnel1.sharedKey', ['C22'], 'error'],
      ['connection cn-Instance1Tunnel1.sharedKey', ['C22'], 'error'],
    ]);
    expect(findings[0].message).toContain('same pre-shared key as tunnel(s) Instance1Tunnel1');
    // Distinct keys (empty lists) are valid.
    expect(checkAzure({ ...view, connections: connections.map((c) => ({ ...c, sharedKey: { ...c.sharedKey, sameKeyAs: [] } })) }, rule)).toEqual([]);
  });
});
