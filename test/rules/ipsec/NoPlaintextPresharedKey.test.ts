import { SecretValue, type Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { validatePlan } from '../../../lib/check/validate';
import { NoPlaintextPresharedKey } from '../../../lib/rules/ipsec/NoPlaintextPresharedKey';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView, synthView } from '../fixtures';

const rule = [NoPlaintextPresharedKey];
// Obviously fake, built at run time.
const fakeKey = ['fake', 'key', 'for', 'tests'].join('_');

function connection(stack: Stack, keys: (string | undefined)[] | undefined, preSharedKeyStorage?: string): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  new ec2.CfnVPNConnection(stack, 'Connection', {
    type: 'ipsec.1',
    customerGatewayId: cgw.ref,
    vpnGatewayId: vgw.ref,
    preSharedKeyStorage,
    vpnTunnelOptionsSpecifications: keys?.map((preSharedKey) => ({ preSharedKey })),
  });
}

describe('NoPlaintextPresharedKey', () => {
  test('C23: the default plan has no finding and the compliant Azure view (Pulumi secrets) none either', () => {
    expect(validatePlan({}).findings.filter((f) => f.ruleId === NoPlaintextPresharedKey.id)).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test('C23: dynamic references to an imported secret and to a secret of the same stack (Fn::Join) pass', () => {
    const imported = SecretValue.secretsManager('vpn/tunnel1', { jsonField: 'psk' }).unsafeUnwrap();
    const view = synthView((s) => {
      const secret = new secretsmanager.Secret(s, 'Tunnel2Key');
      connection(s, [imported, secret.secretValueFromJson('psk').unsafeUnwrap()]);
    });
    const keys = view.resources.find((r) => r.logicalId === 'Connection')?.properties.VpnTunnelOptionsSpecifications as { PreSharedKey: unknown; }[];
    expect(keys[1].PreSharedKey).toHaveProperty(['Fn::Join']); // the case the rule must see through
    expect(checkCfn(view, rule)).toEqual([]);
  });

  test("C23: PreSharedKeyStorage 'SecretsManager' without keys passes", () => {
    expect(checkCfn(synthView((s) => connection(s, [undefined, undefined], 'SecretsManager')), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => connection(s, undefined, 'SecretsManager')), rule)).toEqual([]);
  });

  test('C23: a literal key is an error that does not repeat the key, even with PreSharedKeyStorage', () => {
    const findings = checkCfn(
      synthView((s) => connection(s, [fakeKey, SecretValue.secretsManager('vpn/t2').unsafeUnwrap()], 'SecretsManager')),
      rule,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Connection', ruleId: 'NoPlaintextPresharedKey', catalogue: ['C23'], level: 'error' });
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[0].PreSharedKey is a literal');
    expect(`${findings[0].message} ${findings[0].fix}`).not.toContain(fakeKey);
  });

  test('C23: an SSM parameter reference is not Secrets Manager: an error', () => {
    const findings = checkCfn(
      synthView((s) => connection(s, ['{{resolve:ssm:/vpn/tunnel1}}', SecretValue.secretsManager('vpn/t2').unsafeUnwrap()])),
      rule,
    );
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('not a Secrets Manager dynamic reference')]);
  });

  test('C23: no key and no PreSharedKeyStorage is an error (AWS keeps the generated key outside Secrets Manager)', () => {
    expect(checkCfn(synthView((s) => connection(s, [undefined, undefined])), rule)).toHaveLength(2);
    expect(checkCfn(synthView((s) => connection(s, undefined)), rule).map((f) => f.path)).toEqual(['Connection']);
  });

  test('C23: an Azure shared key that is not a Pulumi secret is an error', () => {
    const view = compliantAzureView();
    const findings = checkAzure(
      { ...view, connections: view.connections.map((c, i) => (i === 3 ? { ...c, sharedKey: { isSecret: false } } : c)) },
      rule,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'connection cn-Instance1Tunnel2.sharedKey', level: 'error' });
    expect(findings[0].fix).toContain('pulumi.secret');
  });
});
