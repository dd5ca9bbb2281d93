/**
 * Stacks with a transit gateway target built from the TGW building blocks (lib/aws/targets/tgw-*.ts): a VPC,
 * a gateway, two BGP VPN connections on it, the attachment-id reader and the routing. Shared by the
 * construct tests and the rule tests (test/rules/<area>/*.tgw.test.ts).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { cfnViewFromTemplate } from '../../../lib/check/views/cfn-view';
import { TransitGatewayAttachmentReader } from '../../../lib/aws/targets/tgw-attachment-reader';
import { VpnTransitGateway, type IVpnTransitGateway, type VpnTransitGatewayProps } from '../../../lib/aws/targets/tgw-gateway';
import { TransitGatewayVpnRouting, type TransitGatewayVpnRoutingProps } from '../../../lib/aws/targets/tgw-routing';

export type Resource = { Type: string; Properties: Record<string, unknown>; DependsOn?: string[]; };
export const PEER = '10.1.0.0/16';

/**
 * A VPC (public + private-with-egress subnets in 2 AZs), a transit gateway (new unless `gateway`
 * makes one), two VPN connections on it, the attachment reader and the routing.
 */
export function tgwStack(options: {
  gatewayProps?: Partial<VpnTransitGatewayProps>;
  gateway?: (stack: Stack) => IVpnTransitGateway;
  routing?: Partial<TransitGatewayVpnRoutingProps>;
  vpcProps?: ec2.VpcProps;
  /** Extra properties of connection 1 or 2 (tunnel specifications, acceleration…). */
  connectionProps?: (n: 1 | 2) => Partial<ec2.CfnVPNConnectionProps>;
} = {}) {
  const app = new App();
  const stack = new Stack(app, 'Test');
  const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 1, ...options.vpcProps });
  const gateway = options.gateway?.(stack) ?? new VpnTransitGateway(stack, 'Tgw', { amazonSideAsn: 64512, ...options.gatewayProps });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
  const connections = ([1, 2] as const).map((n) =>
    new ec2.CfnVPNConnection(stack, `Connection${n}`, {
      type: 'ipsec.1',
      customerGatewayId: cgw.ref,
      transitGatewayId: gateway.transitGatewayId,
      staticRoutesOnly: false,
      ...options.connectionProps?.(n),
    })
  );
  const reader = new TransitGatewayAttachmentReader(stack, 'Reader', {
    transitGatewayId: gateway.transitGatewayId,
    connections: connections.map((c, i) => ({ id: `Connection${i + 1}`, connectionId: c.ref })),
  });
  const routing = new TransitGatewayVpnRouting(stack, 'Routing', {
    transitGateway: gateway,
    vpnAttachmentIds: { Connection1: reader.attachmentId('Connection1'), Connection2: reader.attachmentId('Connection2') },
    vpc,
    peerCidrs: [PEER],
    ...options.routing,
  });
  const template = Template.fromStack(stack);
  return {
    view: cfnViewFromTemplate(template.toJSON()),
    app,
    stack,
    vpc,
    gateway,
    connections,
    reader,
    routing,
    template,
    resources: template.toJSON().Resources as Record<string, Resource>,
  };
}

export const ofType = (resources: Record<string, Resource>, type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
export const only = (resources: Record<string, Resource>, type: string) => {
  const found = ofType(resources, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
};
