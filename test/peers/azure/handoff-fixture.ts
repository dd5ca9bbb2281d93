/**
 * AWS outputs files for tests: what `cdk deploy --outputs-file` would write for a plan, with made-up
 * outside IPs and secret ARNs (never a key: the file format has none).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AWS_HANDOFF_FORMAT, type AwsHandoff } from '../../../lib/handoff/formats';
import type { ResolvedPlan } from '../../../lib/plan';

/** Writes `<dir>/<plan>-aws-outputs.json` holding the plan's hand-off with `outsideIps` (by tunnel id); returns its path. */
export function writeAwsOutputs(
  plan: ResolvedPlan,
  outsideIps: Readonly<Record<string, string>>,
  dir = mkdtempSync(path.join(tmpdir(), 'mcvpn-')),
): string {
  const handoff: AwsHandoff = {
    format: AWS_HANDOFF_FORMAT,
    plan: plan.name,
    awsAsn: plan.aws.asn,
    vpnGatewayId: 'vgw-0123456789abcdef0',
    tunnels: plan.tunnels.map((t) => ({
      id: t.id,
      awsConnection: t.awsConnection,
      awsTunnel: t.awsTunnel,
      insideCidr: t.insideCidr,
      awsBgpIp: t.awsBgpIp,
      azureBgpIp: t.azureBgpIp,
      outsideIp: outsideIps[t.id],
      presharedKeySecretArn: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${plan.name}-${t.id}-AbCdEf`,
    })),
  };
  const file = path.join(dir, `${plan.name}-aws-outputs.json`);
  writeFileSync(file, JSON.stringify({ [`${plan.name}-stack`]: { AzureVpnHandoff: JSON.stringify(handoff) } }, null, 2));
  return file;
}
