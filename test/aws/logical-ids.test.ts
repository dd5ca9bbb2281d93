/**
 * Logical IDs decide what CloudFormation replaces. They must follow the tunnel identity and the
 * connection number, never the plan name or a position, so that renaming a plan replaces nothing
 * (a replaced VPN connection gets new outside IPs and keys on the Azure side, C08, C22).
 */
import { CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import type { AzureVpnConnectionsProps } from '../../lib/aws-entry';
import { build, planWith } from './helpers';

type Resources = Record<string, { Type: string; Properties?: unknown; DependsOn?: unknown; }>;

/** Logical id → resource type of everything the construct created (the test VPC left out). */
function idsAndTypes(scope: Construct, template: Template): Record<string, string> {
  const resources = template.toJSON().Resources as Resources;
  const ids = scope.node.findAll().filter(CfnElement.isCfnElement).map((e) => Stack.of(e).getLogicalId(e as CfnElement));
  return Object.fromEntries(ids.filter((id) => resources[id]).sort().map((id) => [id, resources[id].Type]));
}

function vpnOnly(props: Partial<AzureVpnConnectionsProps>) {
  const built = build(props);
  return { ...built, ids: idsAndTypes(built.vpn, built.template), resources: built.template.toJSON().Resources as Resources };
}

describe('C08, C22: logical ids', () => {
  const documented = vpnOnly({});

  test('C08, C22: logical ids and resource types of the construct are pinned (ids and types only, no properties, no secret)', () => {
    expect(documented.ids).toMatchSnapshot();
  });

  test('C08, C22: ids name the tunnel identity and the connection number', () => {
    const ids = Object.keys(documented.ids);
    for (
      const expected of [
        'Connection1',
        'Connection2',
        'CustomerGatewayInstance0',
        'CustomerGatewayInstance1',
        'Instance0Tunnel1PresharedKey',
        'Instance0Tunnel2PresharedKey',
        'Instance1Tunnel1PresharedKey',
        'Instance1Tunnel2PresharedKey',
        'VpnGateway',
      ]
    ) {
      expect(ids.some((id) => id.startsWith(`AzureVpn${expected}`))).toBe(true);
    }
  });

  test('C08: renaming the plan changes no logical id (with a fixed outputPrefix, no output key either)', () => {
    const renamed = vpnOnly({
      plan: planWith((p) => {
        p.name = 'renamed-plan';
      }),
    });
    expect(renamed.ids).toEqual(documented.ids);
    const fixedA = build({ outputPrefix: 'Vpn' }).template.toJSON().Outputs;
    const fixedB = build({
      plan: planWith((p) => {
        p.name = 'renamed-plan';
      }),
      outputPrefix: 'Vpn',
    }).template.toJSON().Outputs;
    expect(Object.keys(fixedB)).toEqual(Object.keys(fixedA));
  });

  test("C08: listing the plan's tunnels in another order changes nothing in the template", () => {
    const reordered = vpnOnly({
      plan: planWith((p) => {
        p.tunnels = [...p.tunnels!].reverse();
      }),
    });
    expect(reordered.resources).toEqual(documented.resources);
  });

  test("C01, C04: a changed inside CIDR changes only that connection's tunnel options and the outside IP reader's input", () => {
    const changed = vpnOnly({
      plan: planWith((p) => {
        p.tunnels = p.tunnels!.map((t) => (t.azureInstance === 1 && t.awsTunnel === 2 ? { ...t, insideCidr: '169.254.22.8/30' } : t));
      }),
    });
    expect(changed.ids).toEqual(documented.ids);
    const differing = Object.keys(documented.resources).filter(
      (id) => JSON.stringify(documented.resources[id]) !== JSON.stringify(changed.resources[id]),
    );
    const connection2 = documented.stack.getLogicalId(documented.vpn.connections[1]);
    const reader = Object.keys(documented.resources).find((id) => documented.resources[id].Type === 'Custom::VpnTunnelOutsideIps')!;
    expect(differing.sort()).toEqual([connection2, reader].sort());
    // Within connection 2, only VpnTunnelOptionsSpecifications differs, and only in the second tunnel's CIDR.
    const before = documented.resources[connection2].Properties as Record<string, unknown>;
    const after = changed.resources[connection2].Properties as Record<string, unknown>;
    expect({ ...after, VpnTunnelOptionsSpecifications: undefined }).toEqual({ ...before, VpnTunnelOptionsSpecifications: undefined });
    const [beforeSpecs, afterSpecs] = [before, after].map((p) => p.VpnTunnelOptionsSpecifications as Record<string, unknown>[]);
    expect(afterSpecs[0]).toEqual(beforeSpecs[0]);
    expect(afterSpecs[1]).toEqual({ ...beforeSpecs[1], TunnelInsideCidr: '169.254.22.8/30' });
  });
});
