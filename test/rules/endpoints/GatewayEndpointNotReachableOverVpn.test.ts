import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { GatewayEndpointNotReachableOverVpn } from '../../../lib/rules/endpoints/GatewayEndpointNotReachableOverVpn';
import { checkCfn } from '../../../lib/check/registry';
import { vpnVpc } from '../../enforcement/vpn-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [GatewayEndpointNotReachableOverVpn]);
const withS3 = { gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } } };

describe('C33 GatewayEndpointNotReachableOverVpn', () => {
  test('C33: an S3 gateway endpoint in a VPC with a VGW and a VPN connection is warned', () => {
    const findings = check(synthView((stack) => vpnVpc(stack, withS3)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', catalogue: ['C33'] });
    expect(findings[0].path).toMatch(/^VpcS3/);
    expect(findings[0].message).toContain('hosts in Azure cannot reach s3 through it');
  });

  test('C33: an interface endpoint for the same service in the VPC passes', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack, withS3);
        new ec2.InterfaceVpcEndpoint(stack, 'S3Interface', { vpc, service: ec2.InterfaceVpcEndpointAwsService.S3, privateDnsEnabled: false });
      }),
    );
    expect(findings).toEqual([]);
  });

  test('C33: a gateway endpoint in a VPC no VPN reaches is not concerned', () => {
    expect(check(synthView((stack) => vpnVpc(stack, { ...withS3, withVpnConnection: false })))).toEqual([]);
  });

  test('C33: a VPC attached to a transit gateway that carries a VPN connection is warned too', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = new ec2.Vpc(stack, 'Vpc', {
          maxAzs: 1,
          natGateways: 0,
          subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
        });
        vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB });
        const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', {});
        new ec2.CfnTransitGatewayVpcAttachment(stack, 'Attachment', {
          transitGatewayId: tgw.ref,
          vpcId: vpc.vpcId,
          subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
        });
        const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { bgpAsn: 65515, ipAddress: '192.0.2.10', type: 'ipsec.1' });
        new ec2.CfnVPNConnection(stack, 'Vpn', { customerGatewayId: cgw.ref, transitGatewayId: tgw.ref, type: 'ipsec.1' });
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('dynamodb gateway endpoint');
  });
});
