/**
 * Faults injected into the EMITTED values (the synthesized template, the rendered Azure inputs)
 * after synthesis and before the twin translates them, never into the twin's own configuration:
 * each is a mistake a hand edit, a bad merge or a wrong hand-off could make. Each names the
 * run-time row it should show (../shared/CONSTRAINTS.md) and the tunnels it breaks.
 */
import { randomInt } from 'node:crypto';
import type { CfnTemplate } from './aws-half';
import type { RenderedResource } from './azure-half';
import type { Diagnosis } from './diagnose';

/** Both halves as emitted; a fault edits a copy. */
export interface EmittedHalves {
  readonly template: CfnTemplate;
  readonly azure: RenderedResource[];
}

export interface TwinFault {
  readonly id: string;
  readonly title: string;
  /** What is changed, in which emitted value. */
  readonly injection: string;
  /** The plan tunnel ids that must show the symptom; every other tunnel must come up. */
  readonly brokenTunnels: readonly string[] | 'all';
  /** The diagnosis the broken tunnels must get: its row and the constraint it must name. */
  readonly expected: { readonly row: Diagnosis['row']; readonly catalogue: Diagnosis['catalogue'][number]; };
  readonly inject: (halves: EmittedHalves) => void;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A valid key (C22 format) that is certainly not the other end's. */
function otherKey(): string {
  return ALNUM[randomInt(52)] + Array.from({ length: 31 }, () => ALNUM[randomInt(ALNUM.length)]).join('');
}

function awsSpec(t: CfnTemplate, tunnelId: string): Record<string, unknown> {
  for (const resource of Object.values(t.Resources)) {
    if (resource.Type !== 'AWS::EC2::VPNConnection') continue;
    const tags = (resource.Properties?.Tags ?? []) as { Key: string; Value: string; }[];
    const ids = tags.find((x) => x.Key === 'multicloud-vpn:tunnel-ids')?.Value.split(' ') ?? [];
    const index = ids.indexOf(tunnelId);
    if (index >= 0) return (resource.Properties!.VpnTunnelOptionsSpecifications as Record<string, unknown>[])[index];
  }
  throw new Error(`fault: no AWS tunnel ${tunnelId} in the template`);
}

function azureResource(resources: RenderedResource[], type: string, tunnelId: string): RenderedResource {
  const found = resources.find((r) => r.type === `azure-native:network:${type}` && r.name.endsWith(`-${tunnelId}`));
  if (!found) throw new Error(`fault: no Azure ${type} for ${tunnelId}`);
  return found;
}

export const TWIN_FAULTS: readonly TwinFault[] = [
  {
    id: 'psk-mismatch',
    title: 'pre-shared key mismatch on one tunnel',
    injection: 'Azure connection cn-…-Instance0Tunnel2: sharedKey replaced by another valid key',
    brokenTunnels: ['Instance0Tunnel2'],
    expected: { row: 'D01', catalogue: 'C22' },
    inject: ({ azure }) => {
      azureResource(azure, 'VirtualNetworkGatewayConnection', 'Instance0Tunnel2').inputs.sharedKey = otherKey();
    },
  },
  {
    id: 'phase1-mismatch',
    title: 'phase 1 (IKE) proposal mismatch',
    injection: 'AWS VpnTunnelOptionsSpecification of Instance1Tunnel1: Phase1EncryptionAlgorithms changed to another AES key length',
    brokenTunnels: ['Instance1Tunnel1'],
    expected: { row: 'D01', catalogue: 'C24' },
    inject: ({ template }) => {
      const spec = awsSpec(template, 'Instance1Tunnel1');
      const current = ((spec.Phase1EncryptionAlgorithms ?? []) as { Value: string; }[])[0]?.Value;
      spec.Phase1EncryptionAlgorithms = [{ Value: current === 'AES128' ? 'AES256' : 'AES128' }];
    },
  },
  {
    id: 'phase2-mismatch',
    title: 'phase 2 (IPsec) proposal mismatch',
    injection: 'Azure connection cn-…-Instance1Tunnel2: ipsecPolicies[0].ipsecEncryption changed to another AES key length',
    brokenTunnels: ['Instance1Tunnel2'],
    expected: { row: 'D02', catalogue: 'C24' },
    inject: ({ azure }) => {
      const policy =
        (azureResource(azure, 'VirtualNetworkGatewayConnection', 'Instance1Tunnel2').inputs.ipsecPolicies as Record<string, unknown>[])[0];
      const swap: Record<string, string> = { AES256: 'AES128', AES128: 'AES256', GCMAES256: 'GCMAES128', GCMAES128: 'GCMAES256' };
      const gcm = String(policy.ipsecEncryption).startsWith('GCM');
      policy.ipsecEncryption = swap[String(policy.ipsecEncryption)] ?? 'AES128';
      if (gcm) policy.ipsecIntegrity = policy.ipsecEncryption;
    },
  },
  {
    id: 'first-address-for-all',
    title: 'connections without gatewayCustomBgpIpAddresses (first APIPA address for all)',
    injection:
      'every Azure connection: gatewayCustomBgpIpAddresses removed, so each instance uses its first custom APIPA address for every connection (C13)',
    brokenTunnels: ['Instance0Tunnel2', 'Instance1Tunnel2'],
    expected: { row: 'D03', catalogue: 'C13' },
    inject: ({ azure }) => {
      for (const c of azure.filter((r) => r.type === 'azure-native:network:VirtualNetworkGatewayConnection')) {
        delete c.inputs.gatewayCustomBgpIpAddresses;
      }
    },
  },
  {
    id: 'asn-mismatch',
    title: 'ASN mismatch on one tunnel',
    injection: 'Azure local network gateway lng-…-Instance0Tunnel1: bgpSettings.asn set to the AWS ASN + 1',
    brokenTunnels: ['Instance0Tunnel1'],
    expected: { row: 'D03', catalogue: 'C11' },
    inject: ({ azure }) => {
      const lng = azureResource(azure, 'LocalNetworkGateway', 'Instance0Tunnel1');
      const bgp = lng.inputs.bgpSettings as { asn: number; };
      lng.inputs.bgpSettings = { ...bgp, asn: bgp.asn + 1 };
    },
  },
  {
    id: 'nobody-initiates',
    title: 'nobody initiates (AWS StartupAction add, Azure ResponderOnly)',
    injection: "every AWS VpnTunnelOptionsSpecification: StartupAction 'add' (the AWS default) while the Azure connections stay ResponderOnly",
    brokenTunnels: 'all',
    expected: { row: 'D09', catalogue: 'C20' },
    inject: ({ template }) => {
      for (const resource of Object.values(template.Resources)) {
        if (resource.Type !== 'AWS::EC2::VPNConnection') continue;
        for (const spec of resource.Properties!.VpnTunnelOptionsSpecifications as Record<string, unknown>[]) spec.StartupAction = 'add';
      }
    },
  },
];

export function twinFault(id: string): TwinFault {
  const fault = TWIN_FAULTS.find((f) => f.id === id);
  if (!fault) throw new Error(`unknown fault '${id}'; valid: ${TWIN_FAULTS.map((f) => f.id).join(', ')}`);
  return fault;
}

/** Per tunnel, whether a run shows what `fault` should: its broken tunnels diagnosed as expected, every other one up. */
export function faultOutcome(
  fault: TwinFault,
  tunnels: readonly { tunnel: string; diagnosis?: Diagnosis; }[],
): { tunnel: string; ok: boolean; expected: string; }[] {
  return tunnels.map((t) => {
    const broken = fault.brokenTunnels === 'all' || fault.brokenTunnels.includes(t.tunnel);
    const ok = broken
      ? t.diagnosis?.row === fault.expected.row && t.diagnosis.catalogue.includes(fault.expected.catalogue)
      : t.diagnosis === undefined;
    return { tunnel: t.tunnel, ok, expected: broken ? `${fault.expected.row} naming ${fault.expected.catalogue}` : 'up' };
  });
}
