/**
 * The Alibaba program's stack outputs as the AWS half reads them (`pulumi stack output --json >
 * alibaba-outputs.json`, then `cdk synth -c peerOutputs=alibaba-outputs.json` in phase 2): the gateway's
 * two public IPs, `internetIp` (IP 1, the AWS customer gateway of connection 1) first, then
 * `disasterRecoveryInternetIp` (IP 2); the gateway id; the two connection ids. Shape of `AlibabaProgramOutputs`.
 */
import { z } from 'zod';
import { gatewayPublicIpProblems } from '../../handoff/azure-outputs';

export const alibabaOutputsSchema = z
  .object({
    gatewayPublicIps: z.array(z.string()).superRefine((ips, ctx) => {
      // The same checks as the AWS side's reader: two distinct public IPv4 addresses.
      for (const problem of gatewayPublicIpProblems(ips, 'gatewayPublicIps')) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }),
    gatewayId: z.string().regex(/^vpn-[a-z0-9]+$/, 'an Alibaba VPN gateway id, vpn-…'),
    connectionIds: z.array(z.string().regex(/^vco-[a-z0-9]+$/, 'an IPsec connection id, vco-…')).length(
      2,
      'two IPsec connections (empty only before AWS exists)',
    ).or(z.array(z.string()).length(0)),
  })
  .passthrough();

export type AlibabaOutputs = z.infer<typeof alibabaOutputsSchema>;
