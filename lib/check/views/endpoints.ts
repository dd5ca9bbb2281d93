/** Shared by several rules (lib/rules/*): moved out of lib/rules/endpoints/GatewayEndpointRouteTablesAndDns.ts so that no rule imports another rule file. */
import { resourcesOfType, targetOf, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';

/** The services that have gateway endpoints. */
export type GatewayEndpointService = 's3' | 'dynamodb';

/** A VPC endpoint's service, from a literal or CDK's `com.amazonaws.<Fn::Join region>.s3` name. */
export function endpointService(endpoint: CfnResourceView): GatewayEndpointService | undefined {
  const match = /\.(s3|dynamodb)(?=["\]]|$)/.exec(JSON.stringify(endpoint.properties.ServiceName ?? ''));
  return match ? (match[1] as GatewayEndpointService) : undefined;
}

export interface GatewayEndpoint {
  readonly endpoint: CfnResourceView;
  readonly vpc: string;
  readonly service: GatewayEndpointService;
}

/** S3 and DynamoDB endpoints of type Gateway (the CloudFormation default when VpcEndpointType is absent). */
export function gatewayEndpoints(view: CfnView): GatewayEndpoint[] {
  return resourcesOfType(view, 'AWS::EC2::VPCEndpoint').flatMap((endpoint): GatewayEndpoint[] => {
    const type = endpoint.properties.VpcEndpointType ?? 'Gateway';
    const vpc = targetOf(endpoint.properties.VpcId);
    const service = endpointService(endpoint);
    return type === 'Gateway' && vpc !== undefined && service !== undefined ? [{ endpoint, vpc, service }] : [];
  });
}
