/**
 * The Pulumi program of the Azure half (Pulumi.yaml `main`). Stack config:
 *   planFile (default vpn-plan.json), awsOutputsFile (absent on the first run),
 *   resourceGroupName, location, gatewaySubnetId or virtualNetworkName, subscriptionId,
 *   presharedKey.<tunnelId> (set with --secret, a plain-text value is refused; otherwise the key is read
 *   from AWS Secrets Manager).
 * Stack outputs: gatewayPublicIps, gatewayId, connectionIds (`pulumi stack output --json`).
 */
import { azureProgram, azureProgramOptionsFromConfig } from '../lib/peers/azure/pulumi/program';

export = azureProgram(azureProgramOptionsFromConfig());
