/**
 * C23: `presharedKeyStorage` (AWS::EC2::VPNConnection PreSharedKeyStorage). Opt-in, because a change of
 * the property replaces the VPN connection (CloudFormation "Update requires: Replacement"); the keys
 * and the Azure hand-off stay this construct's Secrets Manager secrets either way.
 */
import { Match } from 'aws-cdk-lib/assertions';
import type { AzureVpnConnectionsProps } from '../../lib/aws-entry';
import { build, resolveIntrinsics } from './helpers';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; }>;

function connections(props: Partial<AzureVpnConnectionsProps>) {
  const { template, vpn } = build(props);
  const resources = template.toJSON().Resources as Resources;
  return { template, vpn, connections: Object.values(resources).filter((r) => r.Type === 'AWS::EC2::VPNConnection') };
}

describe('C23: pre-shared key storage', () => {
  test('C23: by default PreSharedKeyStorage is not emitted, so deployed connections are not replaced', () => {
    const { connections: built } = connections({});
    expect(built).toHaveLength(2);
    for (const c of built) expect(c.Properties).not.toHaveProperty('PreSharedKeyStorage');
  });

  test('C23: SecretsManager reaches both connections; each tunnel still gets its own key secret by dynamic reference', () => {
    const { template, vpn, connections: built } = connections({ presharedKeyStorage: 'SecretsManager' });
    expect(built).toHaveLength(2);
    for (const c of built) {
      expect(c.Properties.PreSharedKeyStorage).toBe('SecretsManager');
      const keys = (c.Properties.VpnTunnelOptionsSpecifications as { PreSharedKey: unknown; }[])
        .map((t) => String(resolveIntrinsics(t.PreSharedKey)));
      expect(keys).toHaveLength(2);
      for (const key of keys) expect(key).toMatch(/^\{\{resolve:secretsmanager:<.+PresharedKey.+>:SecretString:::\}\}$/);
    }
    // The hand-off still names the construct's four secrets, so the Azure half reads them as before.
    template.resourceCountIs('AWS::SecretsManager::Secret', 4);
    expect(new Set(vpn.handoff.tunnels.map((t) => t.presharedKeySecretArn)).size).toBe(4);
  });

  test('C23: Standard is emitted as given (the explicit form of the service default)', () => {
    const { template } = connections({ presharedKeyStorage: 'Standard' });
    template.allResourcesProperties('AWS::EC2::VPNConnection', { PreSharedKeyStorage: 'Standard', StaticRoutesOnly: false });
    template.resourcePropertiesCountIs('AWS::EC2::VPNConnection', { PreSharedKeyStorage: Match.anyValue() }, 2);
  });

  test('C23: a value CloudFormation does not accept is refused before synth, naming the field and the valid values', () => {
    expect(() => build({ presharedKeyStorage: 'secretsmanager' as never }))
      .toThrow(/presharedKeyStorage: "secretsmanager" is not a value CloudFormation accepts.*'Standard' or 'SecretsManager'/);
  });
});
