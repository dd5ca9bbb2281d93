/**
 * The Alibaba Cloud peer's fields in the plan file (issue 10). Shape only, as in lib/plan/schema.ts:
 * whether an ASN is allowed is a rule (C36, C41) so that its finding names the catalogue number.
 * The plan's peer of kind `alibaba` (`peer: { kind: 'alibaba', ... }`, ./schema.ts).
 */
import { z } from 'zod';

/** Alibaba Cloud's own ASN, the default local ASN of a tunnel (seed 002). */
export const ALIBABA_DEFAULT_LOCAL_ASN = 45104;

/** Public VPN gateway bandwidths in Mbps (`vpn.Gateway.bandwidth`, @pulumi/alicloud 3.108.0). */
export const ALIBABA_PUBLIC_BANDWIDTHS = [5, 10, 20, 50, 100, 200, 500, 1000] as const;

const bandwidth = z.union([
  z.literal(5),
  z.literal(10),
  z.literal(20),
  z.literal(50),
  z.literal(100),
  z.literal(200),
  z.literal(500),
  z.literal(1000),
]);

export const alibabaPeerSchema = z
  .object({
    /** Region of the VPC and the gateway (the provider's region). @default ap-northeast-1 */
    region: z.string().min(1).default('ap-northeast-1'),
    /** The VPC the gateway attaches to. */
    vpcId: z.string().min(1),
    /** vSwitch of tunnel 1's zone. */
    vswitchId: z.string().min(1),
    /**
     * vSwitch of tunnel 2's zone: another zone where the region has two, another vSwitch in the same
     * zone otherwise (C34).
     */
    disasterRecoveryVswitchId: z.string().min(1),
    /** Gateway bandwidth in Mbps (its spec). @default 10 */
    bandwidth: bandwidth.default(10),
    /** `Normal`: the national-standard type negotiates SM algorithms AWS lacks. @default Normal */
    vpnType: z.enum(['Normal']).default('Normal'),
    /** @default PayAsYouGo */
    paymentType: z.enum(['PayAsYouGo', 'Subscription']).default('PayAsYouGo'),
    /** The Alibaba-side BGP ASN of every tunnel, and of both AWS customer gateways (C36, C41). @default 45104 */
    localAsn: z.number().int().default(ALIBABA_DEFAULT_LOCAL_ASN),
    /** @default `<plan name>-vpn-gw` */
    gatewayName: z.string().min(1).optional(),
    /** Resource group of the gateway. @default the account's default group */
    resourceGroupId: z.string().min(1).optional(),
  })
  .strict();

export type AlibabaPeerInput = z.input<typeof alibabaPeerSchema>;
export type AlibabaPeerSpec = z.output<typeof alibabaPeerSchema>;
