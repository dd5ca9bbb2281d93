/**
 * The Alibaba Cloud half of the VPN as a Pulumi component: a dual-tunnel VPN gateway with route
 * propagation into the VPC and, once the AWS tunnels are known, four customer gateways (one per AWS
 * tunnel outside IP, with the AWS ASN) and two IPsec connections of two BGP tunnels each, created one
 * after the other (C42). All values come from `alibabaDesign`; this file only wires resources, after
 * the design passed every Alibaba rule. `@pulumi/alicloud` only by subpath (its root loads ~60 MB).
 */
import * as vpn from '@pulumi/alicloud/vpn';
import * as pulumi from '@pulumi/pulumi';
import { secretsManagerReader, type SecretReader } from '../../../handoff/aws-outputs';
import { PlanValidationError } from '../../../core/errors';
import { presharedKeyFormatProblems } from '../../../core/preshared-key';
import { formatFinding, type Finding } from '../../../core/finding';
import { checkPeer, RULES } from '../../../check/registry';
import type { Rule } from '../../../check/kit/rule';
import { createAlibabaAlarms, type AlibabaAlarmOptions } from './alarms';
import { alibabaDesign, type AlibabaDesign, type AlibabaPlanInput, type AlibabaTunnelDesign } from '../design';
import type { AlibabaPeerSpec } from '../../../plan/alibaba';

/** The component's Pulumi type token. */
export const ALIBABA_VPN_GATEWAY_TYPE = 'multicloud-vpn:alibaba:VpnGateway';

/** Thrown by the component before it creates anything: every finding, with its catalogue number. */
export class AlibabaDesignError extends PlanValidationError {
  constructor(findings: readonly Finding[], source = 'Alibaba design') {
    super(findings, source);
    this.name = 'AlibabaDesignError';
  }
}

/** One AWS tunnel as the Alibaba side needs it (from the AWS hand-off). */
export interface AlibabaAwsTunnelEndpoint {
  /** The AWS tunnel's outside IP. */
  readonly outsideIp: string;
  /** The Secrets Manager secret of the tunnel's key, as the AWS half wrote it. */
  readonly presharedKeySecretArn: string;
  /**
   * The key itself, when already at hand (Pulumi config). Wrapped in `pulumi.secret` whatever it is (C23).
   * @default read from `presharedKeySecretArn` with `readSecret`
   */
  readonly presharedKey?: pulumi.Input<string>;
}

export interface AlibabaVpnGatewayArgs {
  /** The resolved plan (its name, AWS ASN, tunnels, IPsec policy and tags). */
  readonly plan: AlibabaPlanInput;
  /** The Alibaba peer's settings (lib/peers/alibaba/schema.ts). */
  readonly peer: AlibabaPeerSpec;
  /**
   * The AWS tunnels by plan tunnel id. @default undefined: the first run, which creates the gateway
   * only (AWS needs its two IPs)
   */
  readonly awsTunnels?: Readonly<Record<string, AlibabaAwsTunnelEndpoint>>;
  /** Reads a key by ARN. @default `secretsManagerReader()` (AWS SDK v3) */
  readonly readSecret?: SecretReader;
  /** The rules whose `alibaba` scope the design must pass. @default RULES (lib/check/registry.ts) */
  readonly rules?: readonly Rule[];
  /**
   * CloudMonitor alarms on each tunnel's IPsec and BGP state (lib/peers/alibaba/alarms.ts, C43); `false`
   * builds none. @default on, with a contact group of its own
   */
  readonly alarms?: AlibabaAlarmOptions | false;
}

/** Every finding of the design of `args`; throws an `AlibabaDesignError` when one is an error. */
export function checkedAlibabaDesign(args: AlibabaVpnGatewayArgs): { design: AlibabaDesign; warnings: Finding[]; } {
  const awsTunnels = args.awsTunnels === undefined
    ? undefined
    : Object.fromEntries(
      Object.entries(args.awsTunnels).map(([id, t]) => [id, { outsideIp: t.outsideIp, presharedKeySecretArn: t.presharedKeySecretArn }]),
    );
  const design = alibabaDesign(args.plan, args.peer, { awsTunnels });
  const findings = [...design.findings, ...checkPeer('alibaba', design, args.rules ?? RULES)];
  if (findings.some((f) => f.level === 'error')) throw new AlibabaDesignError(findings);
  return { design, warnings: findings };
}

function keyFindings(tunnelId: string, problems: readonly string[]): Finding[] {
  return problems.map((problem) => ({
    path: `awsTunnels.${tunnelId}.presharedKey`,
    ruleId: 'PresharedKeyFormat',
    catalogue: ['C22'],
    level: 'error',
    message: `the pre-shared key of tunnel ${tunnelId} ${problem}`,
    fix: "8–64 characters of letters, digits, '.' and '_', not starting with '0' (the same key on both ends).",
  }));
}

/**
 * The keys of `tunnelIds` as Pulumi secrets (C23), checked for the AWS format (C22) and for reuse
 * across tunnels inside one apply: a bad key fails every connection's inputs, so none is created.
 * Messages name tunnels, never a key.
 */
export function checkedPresharedKeys(tunnelIds: readonly string[], keys: readonly pulumi.Input<string>[]): pulumi.Output<string>[] {
  const checked = pulumi.all(keys.map((k) => pulumi.secret(k))).apply((values) => {
    const findings = values.flatMap((key, i) => keyFindings(tunnelIds[i], presharedKeyFormatProblems(key)));
    values.forEach((key, i) => {
      const others = tunnelIds.filter((_, j) => j !== i && values[j] === key);
      if (others.length > 0) {
        findings.push({
          path: `awsTunnels.${tunnelIds[i]}.presharedKey`,
          ruleId: 'PresharedKeyFormat',
          catalogue: ['C22'],
          level: 'error',
          message: `tunnel ${tunnelIds[i]} has the same key as ${others.join(', ')}; each tunnel has its own.`,
          fix: 'the key the AWS stack generated for this tunnel.',
        });
      }
    });
    if (findings.length > 0) throw new AlibabaDesignError(findings, 'pre-shared keys');
    return values;
  });
  return tunnelIds.map((_, i) => pulumi.secret(checked.apply((values) => values[i])));
}

/** Each AWS tunnel's key: given, or read by its ARN (`readSecret`, Secrets Manager by default). */
function secretKeys(args: AlibabaVpnGatewayArgs, design: AlibabaDesign): Map<string, pulumi.Output<string>> {
  const endpoints = args.awsTunnels ?? {};
  const ids = design.aws.tunnels.map((t) => t.tunnelId);
  if (ids.length === 0) return new Map();
  let reader: SecretReader | undefined;
  const read = (arn: string) => (reader ??= args.readSecret ?? secretsManagerReader())(arn);
  const keys = checkedPresharedKeys(ids, ids.map((id) => endpoints[id].presharedKey ?? read(endpoints[id].presharedKeySecretArn)));
  return new Map(ids.map((id, i) => [id, keys[i]]));
}

function tunnelOptions(tunnel: AlibabaTunnelDesign, customerGatewayId: pulumi.Input<string>, psk: pulumi.Input<string>) {
  return {
    role: tunnel.role,
    customerGatewayId,
    enableDpd: tunnel.enableDpd,
    enableNatTraversal: tunnel.enableNatTraversal,
    // Every field set (C40); the design check has refused an unmapped one already (C24).
    tunnelIkeConfig: { ...tunnel.ike, psk },
    tunnelIpsecConfig: { ...tunnel.ipsec },
    tunnelBgpConfig: {
      localAsn: String(tunnel.bgp.localAsn),
      tunnelCidr: tunnel.bgp.tunnelCidr,
      localBgpIp: tunnel.bgp.localBgpIp,
    },
  };
}

export class AlibabaVpnGateway extends pulumi.ComponentResource {
  /** The checked design the resources were made from (no keys in it). */
  readonly design: AlibabaDesign;
  /** The gateway's public IPs: `internetIp` (IP 1, tunnel 1) first, then `disasterRecoveryInternetIp`. */
  readonly gatewayPublicIps: pulumi.Output<string[]>;
  readonly gatewayId: pulumi.Output<string>;
  /** Connection 1 then 2; empty on the first run. */
  readonly connectionIds: pulumi.Output<string[]>;
  /** The CloudMonitor alarms (C43); empty on the first run or with `alarms: false`. */
  readonly alarmIds: pulumi.Output<string[]>;

  constructor(name: string, args: AlibabaVpnGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
    // Checked before the component registers, so an invalid design creates nothing at all.
    const { design, warnings } = checkedAlibabaDesign(args);
    super(ALIBABA_VPN_GATEWAY_TYPE, name, {}, opts);
    this.design = design;
    for (const warning of warnings) void pulumi.log.warn(formatFinding(warning), this);
    const tags = design.tags;

    const g = design.gateway;
    const gateway = new vpn.Gateway(`${name}-${g.resourceName}`, {
      vpnGatewayName: g.name,
      vpcId: g.vpcId,
      vswitchId: g.vswitchId,
      disasterRecoveryVswitchId: g.disasterRecoveryVswitchId,
      bandwidth: g.bandwidth,
      vpnType: g.vpnType,
      networkType: g.networkType,
      paymentType: g.paymentType,
      enableIpsec: g.enableIpsec,
      enableSsl: g.enableSsl,
      autoPropagate: g.autoPropagate,
      ...(g.paymentType === 'Subscription' ? { autoPay: true } : {}),
      ...(g.resourceGroupId !== undefined ? { resourceGroupId: g.resourceGroupId } : {}),
      tags,
    }, { parent: this });

    // The ASN is create-only: a customer gateway is replaced, never switched to BGP later (C41).
    const customerGateways = new Map(design.customerGateways.map((c) => [
      c.resourceName,
      new vpn.CustomerGateway(`${name}-${c.resourceName}`, {
        customerGatewayName: c.name,
        ipAddress: c.ipAddress,
        ...(c.asn !== undefined ? { asn: String(c.asn) } : {}),
        tags,
      }, { parent: this }),
    ]));

    const keys = secretKeys(args, design);
    const connections = new Map<string, vpn.Connection>();
    for (const c of design.connections) {
      const previous = c.after === undefined ? undefined : connections.get(c.after)!;
      connections.set(
        c.resourceName,
        new vpn.Connection(`${name}-${c.resourceName}`, {
          vpnGatewayId: gateway.id,
          vpnConnectionName: c.name,
          localSubnets: [...c.localSubnets],
          remoteSubnets: [...c.remoteSubnets],
          effectImmediately: c.effectImmediately,
          enableTunnelsBgp: c.enableTunnelsBgp,
          tunnelOptionsSpecifications: c.tunnels.map((t) =>
            tunnelOptions(t, customerGateways.get(t.customerGatewayResourceName)!.id, keys.get(t.tunnelId)!)
          ),
          tags,
          // One operation at a time on the gateway (C42): each connection waits for the one before.
        }, { parent: this, ...(previous !== undefined ? { dependsOn: [previous] } : {}) }),
      );
    }

    const alarms = args.alarms === false ? [] : createAlibabaAlarms(name, design, gateway.id, connections, args.alarms ?? {}, this);
    this.alarmIds = pulumi.all(alarms.map((a) => a.id));

    this.gatewayPublicIps = pulumi.all([gateway.internetIp, gateway.disasterRecoveryInternetIp]).apply((ips) => ips.map((ip) => ip ?? ''));
    this.gatewayId = gateway.id;
    this.connectionIds = pulumi.all([...connections.values()].map((c) => c.id));
    this.registerOutputs({
      gatewayPublicIps: this.gatewayPublicIps,
      gatewayId: this.gatewayId,
      connectionIds: this.connectionIds,
    });
  }
}
