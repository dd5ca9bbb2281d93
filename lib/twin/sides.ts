/**
 * Each end of every tunnel, configured ONLY from what the two halves emit: the AWS end from the
 * synthesized template (each `VpnTunnelOptionsSpecification`, its customer gateway, the VGW's ASN,
 * the key behind the dynamic reference), the Azure ends from the rendered Pulumi inputs (the
 * gateway's instances and custom APIPA addresses, each local network gateway, each connection).
 * Algorithms go through the two independent vendor translations (aws-ike.ts, azure-ike.ts).
 */
import * as ipaddr from 'ipaddr.js';
import { awsEspProposals, awsIkeProposals, AWS_TUNNEL_DEFAULTS } from './aws-ike';
import { resolveCfn, resolveSecretReference, type CfnTemplate, type DeployedAwsHalf } from './aws-half';
import { azureEspProposal, azureIkeProposal, AZURE_IKE_SA_LIFETIME_SECONDS, type AzureIpsecPolicyArgs } from './azure-ike';
import type { RenderedResource } from './azure-half';
import { strongswanProposal } from './strongswan-names';

/** One IKE end of one tunnel (one swanctl connection and one BGP neighbor). */
export interface IkeEnd {
  /** swanctl connection name: the plan tunnel id on AWS, the connection name on Azure. */
  readonly name: string;
  readonly localOutside: string;
  readonly remoteOutside: string;
  /** In memory only; written to the daemon's private credentials, never printed. */
  readonly psk: string;
  readonly ikeProposals: readonly string[];
  readonly espProposals: readonly string[];
  readonly ikeLifetimeSeconds: number;
  readonly childLifetimeSeconds: number;
  /** Seconds between DPD probes; undefined: no DPD. */
  readonly dpdDelaySeconds?: number;
  readonly dpdAction: 'clear' | 'restart' | 'trap' | 'none';
  /** `start`: initiates at load; `none`: only answers. */
  readonly startAction: 'start' | 'none';
  readonly localBgpIp: string;
  readonly remoteBgpIp: string;
  readonly remoteAsn: number;
}

/** One namespace: the AWS VGW, or one Azure gateway instance. */
export interface TwinSide {
  readonly id: 'aws' | 'az0' | 'az1';
  readonly label: string;
  readonly asn: number;
  readonly routerId: string;
  /** What the side advertises by BGP (the VPC CIDR, the VNet address space). */
  readonly prefix: string;
  readonly outsideAddresses: readonly string[];
  readonly ends: readonly IkeEnd[];
}

export class EmittedValueError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'EmittedValueError';
  }
}

function firstHosts(cidr: string): [string, string] {
  const [, length] = ipaddr.IPv4.parseCIDR(cidr);
  if (length !== 30) throw new EmittedValueError('TunnelInsideCidr', `${cidr} is not a /30`);
  // AWS takes the first host of the /30, the customer gateway the second (tunnel options page).
  return [firstHost(cidr, 1), firstHost(cidr, 2)];
}

/** The first host of a CIDR (router id and loopback address of a side). */
export function firstHost(cidr: string, offset = 1): string {
  const bytes = ipaddr.IPv4.networkAddressFromCIDR(cidr).toByteArray();
  const value = ((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3] + offset;
  return [value >>> 24, (value >> 16) & 255, (value >> 8) & 255, value & 255].join('.');
}

const resourcesOf = (template: CfnTemplate, type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

/** The AWS VGW's tunnels, from the (possibly fault-injected) template and the deploy stand-in. */
export function awsSide(template: CfnTemplate, deployed: DeployedAwsHalf): TwinSide {
  const noLookup = { ref: (id: string) => id, getAtt: (id: string) => id };
  const vpc = resourcesOf(template, 'AWS::EC2::VPC')[0];
  if (!vpc) throw new EmittedValueError('template', 'no AWS::EC2::VPC');
  const vpcCidr = String(vpc[1].Properties?.CidrBlock);
  const ends: IkeEnd[] = [];
  let vgwAsn: number | undefined;
  for (const [connectionId, connection] of resourcesOf(template, 'AWS::EC2::VPNConnection')) {
    const props = connection.Properties ?? {};
    const vgwId = String(resolveCfn(props.VpnGatewayId, noLookup));
    const vgw = template.Resources[vgwId];
    const asn = Number(vgw?.Properties?.AmazonSideAsn ?? 64512);
    if (vgwAsn !== undefined && vgwAsn !== asn) {
      throw new EmittedValueError(connectionId, 'connections on different gateways: the twin models one VGW');
    }
    vgwAsn = asn;
    const cgw = template.Resources[String(resolveCfn(props.CustomerGatewayId, noLookup))]?.Properties ?? {};
    const tags = (props.Tags ?? []) as { Key: string; Value: string; }[];
    const tunnelIds = tags.find((t) => t.Key === 'multicloud-vpn:tunnel-ids')?.Value.split(' ') ?? [];
    const specs = (props.VpnTunnelOptionsSpecifications ?? []) as Record<string, unknown>[];
    specs.forEach((spec, index) => {
      const where = `${connectionId}.VpnTunnelOptionsSpecifications[${index}]`;
      if (typeof spec.TunnelInsideCidr !== 'string') throw new EmittedValueError(where, 'no TunnelInsideCidr (the twin needs the inside /30)');
      const [awsIp, peerIp] = firstHosts(spec.TunnelInsideCidr);
      const reference = resolveCfn(spec.PreSharedKey, {
        ref: (id) => deployed.physicalIds[id] ?? id,
        getAtt: (id) => deployed.physicalIds[id] ?? id,
      });
      if (typeof reference !== 'string') throw new EmittedValueError(where, 'PreSharedKey is absent');
      const action = String(spec.DPDTimeoutAction ?? AWS_TUNNEL_DEFAULTS.dpdTimeoutAction);
      ends.push({
        name: tunnelIds[index] ?? `${connectionId}Tunnel${index + 1}`,
        localOutside: deployed.outsideIps[`${connectionId}/${index}`],
        remoteOutside: String(cgw.IpAddress),
        psk: resolveSecretReference(reference, deployed),
        ikeProposals: awsIkeProposals(spec).map(strongswanProposal),
        espProposals: awsEspProposals(spec).map(strongswanProposal),
        ikeLifetimeSeconds: Number(spec.Phase1LifetimeSeconds ?? AWS_TUNNEL_DEFAULTS.phase1LifetimeSeconds),
        childLifetimeSeconds: Number(spec.Phase2LifetimeSeconds ?? AWS_TUNNEL_DEFAULTS.phase2LifetimeSeconds),
        // AWS sends DPD probes every 10 s and acts after DPDTimeoutSeconds (tunnel options page).
        dpdDelaySeconds: 10,
        dpdAction: action === 'restart' ? 'restart' : action === 'none' ? 'none' : 'clear',
        // StartupAction `start`: the VGW initiates; `add` (default): it waits for the customer gateway.
        startAction: (spec.StartupAction ?? AWS_TUNNEL_DEFAULTS.startupAction) === 'start' ? 'start' : 'none',
        localBgpIp: awsIp,
        remoteBgpIp: peerIp,
        remoteAsn: Number(cgw.BgpAsnExtended ?? cgw.BgpAsn),
      });
    });
  }
  if (vgwAsn === undefined) throw new EmittedValueError('template', 'no AWS::EC2::VPNConnection');
  return {
    id: 'aws',
    label: 'AWS VGW',
    asn: vgwAsn,
    routerId: firstHost(vpcCidr),
    prefix: vpcCidr,
    outsideAddresses: [...new Set(ends.map((e) => e.localOutside))],
    ends,
  };
}

const byType = (resources: readonly RenderedResource[], type: string) => resources.filter((r) => r.type === `azure-native:network:${type}`);
const idOf = (value: unknown) => String((value as { id?: unknown; } | undefined)?.id);
const endsWithConfig = (id: unknown, name: string) => String(id).toLowerCase().endsWith(`/ipconfigurations/${name.toLowerCase()}`);

/**
 * The two Azure gateway instances: each answers on its own public IP for every connection, with
 * the connection's custom BGP address for that instance (`gatewayCustomBgpIpAddresses`); without
 * one, Azure uses the instance's first custom APIPA address (documented, C13).
 */
export function azureSides(resources: readonly RenderedResource[], vnetAddressSpace: string, publicIpOverride?: readonly string[]): TwinSide[] {
  const [gateway] = byType(resources, 'VirtualNetworkGateway');
  if (!gateway) throw new EmittedValueError('Azure half', 'no VirtualNetworkGateway');
  const g = gateway.inputs;
  const bgp = (g.bgpSettings ?? {}) as { asn?: number; bgpPeeringAddresses?: { ipconfigurationId: string; customBgpIpAddresses?: string[]; }[]; };
  const ipConfigurations = (g.ipConfigurations ?? []) as { name: string; publicIPAddress?: { id: string; }; }[];
  if (g.enableBgp !== true) throw new EmittedValueError(`gateway ${gateway.name}`, 'enableBgp is not true: no BGP session to twin (C12)');
  return ipConfigurations.slice(0, 2).map((ipConfiguration, instance): TwinSide => {
    const publicIp = byType(resources, 'PublicIPAddress').find((p) => p.id === ipConfiguration.publicIPAddress?.id);
    const outside = publicIpOverride?.[instance] ?? String(publicIp?.inputs.ipAddress);
    const apipa = bgp.bgpPeeringAddresses?.find((b) => endsWithConfig(b.ipconfigurationId, ipConfiguration.name))?.customBgpIpAddresses ?? [];
    const ends = byType(resources, 'VirtualNetworkGatewayConnection').map((connection): IkeEnd => {
      const c = connection.inputs;
      const where = `connection ${connection.name}`;
      const lng = byType(resources, 'LocalNetworkGateway').find((l) => l.id === idOf(c.localNetworkGateway2));
      if (!lng) throw new EmittedValueError(where, 'localNetworkGateway2 names no rendered local network gateway');
      const lngBgp = (lng.inputs.bgpSettings ?? {}) as { asn?: number; bgpPeeringAddress?: string; };
      if (c.connectionProtocol !== undefined && c.connectionProtocol !== 'IKEv2') {
        throw new EmittedValueError(where, `connectionProtocol ${String(c.connectionProtocol)}: the twin speaks IKEv2`);
      }
      const policies = (c.ipsecPolicies ?? []) as AzureIpsecPolicyArgs[];
      if (policies.length === 0) {
        throw new EmittedValueError(where, 'no ipsecPolicies: Azure would offer its default proposals, which the twin does not model (C24)');
      }
      const custom = ((c.gatewayCustomBgpIpAddresses ?? []) as { ipConfigurationId: string; customBgpIpAddress: string; }[])
        .find((e) => endsWithConfig(e.ipConfigurationId, ipConfiguration.name))?.customBgpIpAddress;
      const localBgpIp = custom ?? apipa[0];
      if (localBgpIp === undefined) throw new EmittedValueError(where, `instance ${instance} has no custom APIPA BGP address`);
      return {
        name: `${connection.inputs.virtualNetworkGatewayConnectionName ?? connection.name}`,
        localOutside: outside,
        remoteOutside: String(lng.inputs.gatewayIpAddress),
        psk: String(c.sharedKey),
        ikeProposals: policies.map((p) => strongswanProposal(azureIkeProposal(p))),
        espProposals: policies.map((p) => strongswanProposal(azureEspProposal(p))),
        ikeLifetimeSeconds: AZURE_IKE_SA_LIFETIME_SECONDS,
        childLifetimeSeconds: Number(policies[0].saLifeTimeSeconds ?? 27000),
        dpdDelaySeconds: 10,
        dpdAction: 'clear',
        // ResponderOnly never initiates; Default and InitiatorOnly do.
        startAction: c.connectionMode === 'ResponderOnly' ? 'none' : 'start',
        localBgpIp,
        remoteBgpIp: String(lngBgp.bgpPeeringAddress),
        remoteAsn: Number(lngBgp.asn),
      };
    });
    return {
      id: instance === 0 ? 'az0' : 'az1',
      label: `Azure instance ${instance}`,
      asn: Number(bgp.asn),
      routerId: firstHost(vnetAddressSpace, 1 + instance),
      prefix: vnetAddressSpace,
      outsideAddresses: [outside],
      ends,
    };
  });
}
