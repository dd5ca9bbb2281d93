/**
 * `multicloud-vpn/azure`: the Azure peer — its design (the one shape the Azure rules read and the component
 * builds from), the Pulumi component and program, the key readers and the offline runner.
 * Every name is listed (no `export *`); api/exports.json is the checked-in list (test/api/exports.test.ts).
 */
export { GENERATED_KEY_MIN_LENGTH, PRESHARED_KEY_FIX, PRESHARED_KEY_LENGTH, presharedKeyProblems, tunnelsSharingKeys } from './core/preshared-key';
export {
  DEFAULT_PUBLIC_IP_ZONES,
  GATEWAY_SUBNET_NAME,
  SUBSCRIPTION_ID_PLACEHOLDER,
  azureDesign,
  azureNames,
  gatewayResourceId,
  type AwsTunnelDesignInput,
  type AzureDesign,
  type AzureDesignOptions,
  type ConnectionDesign,
  type GatewayDesign,
  type GatewaySubnetDesign,
  type IpConfigurationDesign,
  type LocalNetworkGatewayDesign,
  type PublicIpDesign,
  type SharedPlanDesignInput,
} from './peers/azure/design';
export { AzureDesignError, assertAzureDesign, azureDesignFindings, checkAzure } from './peers/azure/pulumi/check';
export {
  AZURE_VPN_GATEWAY_TYPE,
  AzureVpnGateway,
  GATEWAY_TIMEOUT,
  checkedAzureDesign,
  type AwsTunnelEndpoint,
  type AzureVpnGatewayArgs,
  type SharedPlanArgs,
} from './peers/azure/pulumi/component';
export { awsTunnelEndpoints, presharedKeyConfigKey, presharedKeysFromConfig, type PresharedKeySources } from './peers/azure/pulumi/keys';
export {
  OFFLINE_SUBSCRIPTION_ID,
  SECRET_MASK,
  offlineAzureResources,
  offlineKeyStandIn,
  type OfflineAzureOptions,
  type RegisteredResource,
} from './peers/azure/pulumi/offline';
export {
  DEFAULT_PLAN_FILE,
  azureProgram,
  azureProgramOptionsFromConfig,
  type AzureProgramOptions,
  type AzureProgramOutputs,
  type SharedPlanSource,
} from './peers/azure/pulumi/program';
