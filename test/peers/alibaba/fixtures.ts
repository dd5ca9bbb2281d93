/**
 * Shared fixtures of the Alibaba tests: the default plan, a peer, the AWS hand-off of its four tunnels
 * (documentation-range outside IPs, made-up secret ARNs: never a key) and the design made from them.
 */
import { alibabaDesign, type AlibabaAwsTunnelInput, type AlibabaDesign, type AlibabaPlanInput } from '../../../lib/peers/alibaba/design';
import { alibabaPeerSchema, type AlibabaPeerInput, type AlibabaPeerSpec } from '../../../lib/plan/alibaba';
import { checkPeer } from '../../../lib/check/registry';
import type { Rule } from '../../../lib/check/kit/rule';
import type { Finding } from '../../../lib/core/finding';
import type { AlibabaResourceGraph, AlibabaView } from '../../../lib/peers/alibaba/view';
import { ALIBABA_RULES } from '../../../lib/rules/alibaba';
import { planVpn } from '../../../lib/check/validate';
import type { PlanInput } from '../../../lib/plan';

export const OUTSIDE_IPS: Readonly<Record<string, string>> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};

export const secretArn = (tunnelId: string) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:vpn-psk-${tunnelId}-AbCdEf`;

export function peer(input: Partial<AlibabaPeerInput> = {}): AlibabaPeerSpec {
  return alibabaPeerSchema.parse({ vpcId: 'vpc-test', vswitchId: 'vsw-zone-a', disasterRecoveryVswitchId: 'vsw-zone-b', ...input });
}

export function plan(input: PlanInput = {}): AlibabaPlanInput {
  return planVpn(input);
}

export function awsTunnels(of: AlibabaPlanInput = plan()): Record<string, AlibabaAwsTunnelInput> {
  return Object.fromEntries(of.tunnels.map((t) => [t.id, { outsideIp: OUTSIDE_IPS[t.id], presharedKeySecretArn: secretArn(t.id) }]));
}

/** The design of the default plan with all four AWS tunnels. */
export function fullDesign(planInput: PlanInput = {}, peerInput: Partial<AlibabaPeerInput> = {}): AlibabaDesign {
  const p = plan(planInput);
  return alibabaDesign(p, peer(peerInput), { awsTunnels: awsTunnels(p) });
}

/** A deep copy of `design` changed by `change`: one field wrong, the rest compliant. */
/** The `alibaba` scope of `rules` over a design (and graph): what the component and checkPeer run. */
export function checkAlibaba(view: AlibabaView, rules: readonly Rule[] = ALIBABA_RULES): Finding[] {
  return checkPeer('alibaba', view, rules);
}

/** The C42 graph check alone: the compliant design with `graph` attached, run through the alibaba scope. */
export function checkAlibabaGraph(graph: AlibabaResourceGraph, rules: readonly Rule[] = ALIBABA_RULES): Finding[] {
  return checkAlibaba({ ...fullDesign(), graph }, rules);
}

export function mutate(design: AlibabaDesign, change: (d: Mutable<AlibabaDesign>) => void): AlibabaDesign {
  const copy = structuredClone(design) as Mutable<AlibabaDesign>;
  change(copy);
  return copy;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K]; };
