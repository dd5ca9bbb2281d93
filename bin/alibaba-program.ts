/**
 * The Pulumi program of the Alibaba Cloud half (Pulumi.yaml `main: bin/alibaba-program.ts` in its own project).
 * Stack config: planFile (default alibaba-plan.json), awsOutputsFile (absent on the first run: the gateway only,
 * whose two IPs the AWS half needs), name, alarms (`false` or `{ contactGroup }`), presharedKey.<tunnelId> (set
 * with --secret, a plain-text value is refused; otherwise the key is read from AWS Secrets Manager).
 * The alicloud provider reads its region and credentials from its own config (`alicloud:region`, …).
 * Stack outputs: gatewayPublicIps (IP 1 first), gatewayId, connectionIds (`pulumi stack output --json`, the AWS
 * half's `-c peerOutputs` file).
 */
import { alibabaProgram, alibabaProgramOptionsFromConfig } from '../lib/peers/alibaba/pulumi/program';

export = alibabaProgram(alibabaProgramOptionsFromConfig());
