import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { GatewayEndpointRouteTablesAndDns } from '../../../lib/rules/endpoints/GatewayEndpointRouteTablesAndDns';
import { checkCfn } from '../../../lib/check/registry';
import { vpnVpc } from '../../enforcement/vpn-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [GatewayEndpointRouteTablesAndDns]);
const S3 = ec2.GatewayVpcEndpointAwsService.S3;

describe('C31 GatewayEndpointRouteTablesAndDns', () => {
  test('C31: an S3 gateway endpoint on all subnets (ec2 default) in a VPC with DNS support passes', () => {
    expect(check(synthView((stack) => vpnVpc(stack, { gatewayEndpoints: { S3: { service: S3 } } })))).toEqual([]);
  });

  test('C31: an endpoint that leaves out the private subnets is warned, naming the missing route table', () => {
    const findings = check(
      synthView((stack) => vpnVpc(stack, { gatewayEndpoints: { S3: { service: S3, subnets: [{ subnetType: ec2.SubnetType.PUBLIC }] } } })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', catalogue: ['C31'] });
    expect(findings[0].path).toMatch(/^VpcS3/);
    expect(findings[0].message).toMatch(/does not list the route tables VpcPrivateSubnet1RouteTable\w+ of private subnets/);
  });

  test('C31: a hand-written DynamoDB gateway endpoint with no route table is warned', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack);
        new ec2.CfnVPCEndpoint(stack, 'Ddb', { vpcId: vpc.vpcId, serviceName: 'com.amazonaws.eu-west-1.dynamodb' });
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('dynamodb gateway endpoint is associated with no route table');
  });

  test('C31: a VPC with EnableDnsSupport false is warned on the VPC', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack, { gatewayEndpoints: { S3: { service: S3 } } });
        (vpc.node.defaultChild as ec2.CfnVPC).enableDnsSupport = false;
        (vpc.node.defaultChild as ec2.CfnVPC).enableDnsHostnames = false;
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toMatch(/^Vpc8/);
    expect(findings[0].message).toContain('EnableDnsSupport false');
  });

  test('C31: an interface endpoint is not a gateway endpoint and is not concerned', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack);
        new ec2.InterfaceVpcEndpoint(stack, 'S3Interface', { vpc, service: ec2.InterfaceVpcEndpointAwsService.S3, privateDnsEnabled: false });
      }),
    );
    expect(findings).toEqual([]);
  });
});
