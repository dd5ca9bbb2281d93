/**
 * C29 over the transit gateway constructs (lib/aws/targets) and hand-written TGW stacks: a dynamic
 * VPN needs its own attachment propagated (the VPC attachment's propagation does not install the
 * routes learned over BGP), a static one a route to its own attachment, and ECMP on.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { TGW_ATTACHMENT_READER_RESOURCE_TYPE, TransitGatewayAttachmentReader } from '../../../lib/aws/targets/tgw-attachment-reader';
import { VpnTransitGateway } from '../../../lib/aws/targets/tgw-gateway';
import { checkCfn } from '../../../lib/check/registry';
import { TransitGatewayVpnRouting } from '../../../lib/rules/routing/TransitGatewayVpnRouting';
import { tgwStack } from '../../aws/targets/tgw-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [TransitGatewayVpnRouting]);

/** A TGW without default propagation, a VPC attachment, a route table, two BGP connections and the reader. */
function handWritten(stack: Stack, staticRoutesOnly = false) {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', {
    amazonSideAsn: 64512,
    defaultRouteTablePropagation: 'disable',
    defaultRouteTableAssociation: 'disable',
  });
  const table = new ec2.CfnTransitGatewayRouteTable(stack, 'Table', { transitGatewayId: tgw.ref });
  const vpcAttachment = new ec2.CfnTransitGatewayVpcAttachment(stack, 'VpcAttachment', {
    transitGatewayId: tgw.ref,
    vpcId: vpc.vpcId,
    subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
  });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
  const connections = [1, 2].map((n) =>
    new ec2.CfnVPNConnection(stack, `Connection${n}`, { type: 'ipsec.1', customerGatewayId: cgw.ref, transitGatewayId: tgw.ref, staticRoutesOnly })
  );
  const reader = new TransitGatewayAttachmentReader(stack, 'Reader', {
    transitGatewayId: tgw.ref,
    connections: connections.map((c, i) => ({ id: `Connection${i + 1}`, connectionId: c.ref })),
  });
  return { tgw, table, vpcAttachment, connections, reader };
}

describe('C29 TransitGatewayVpnRouting on transit gateway targets', () => {
  test("C29: the reader the rule links attachments through is the constructs' one", () => {
    expect(TGW_ATTACHMENT_READER_RESOURCE_TYPE).toBe('Custom::VpnTransitGatewayAttachmentIds');
  });

  test('C29: the constructs (default propagation off, both VPN attachments propagated, ECMP on) pass', () => {
    const { view } = tgwStack();
    expect(view.resources.find((r) => r.type === 'AWS::EC2::TransitGateway')!.properties.DefaultRouteTablePropagation).toBe('disable');
    expect(check(view)).toEqual([]);
  });

  test('C29: the constructs on a new gateway that propagates by itself (no propagation declared) pass', () => {
    const { view } = tgwStack({ gatewayProps: { defaultRouteTableAssociation: true, defaultRouteTablePropagation: true } });
    expect(view.resources.filter((r) => r.type === 'AWS::EC2::TransitGatewayRouteTablePropagation')).toEqual([]);
    expect(check(view)).toEqual([]);
  });

  test('C29: the constructs on an existing gateway (only its id known) pass: its propagation cannot be read', () => {
    const { view } = tgwStack({
      gateway: (stack) =>
        VpnTransitGateway.fromTransitGatewayAttributes(stack, 'Tgw', {
          transitGatewayId: 'tgw-0123456789abcdef0',
          defaultRouteTableAssociation: false,
          defaultRouteTablePropagation: false,
        }),
    });
    expect(check(view)).toEqual([]);
  });

  test('C29: the constructs with ECMP off warn on each connection', () => {
    const findings = check(tgwStack({ gatewayProps: { vpnEcmpSupport: false } }).view);
    expect(findings.map((f) => [f.path, f.level, f.catalogue])).toEqual([['Connection1', 'warning', ['C29']], ['Connection2', 'warning', ['C29']]]);
    expect(findings[0].message).toContain("VpnEcmpSupport 'disable'");
  });

  test('C29: hand-written, both VPN attachments propagated through the reader: passes', () => {
    const view = synthView((stack) => {
      const { table, reader } = handWritten(stack);
      for (const key of ['Connection1', 'Connection2']) {
        new ec2.CfnTransitGatewayRouteTablePropagation(stack, `${key}Propagation`, {
          transitGatewayRouteTableId: table.ref,
          transitGatewayAttachmentId: reader.attachmentId(key),
        });
      }
    });
    expect(check(view)).toEqual([]);
  });

  test('C29: hand-written, only the VPC attachment propagated: both BGP connections are errors (their routes are never installed)', () => {
    const view = synthView((stack) => {
      const { table, vpcAttachment } = handWritten(stack);
      new ec2.CfnTransitGatewayRouteTablePropagation(stack, 'VpcPropagation', {
        transitGatewayRouteTableId: table.ref,
        transitGatewayAttachmentId: vpcAttachment.ref,
      });
    });
    const findings = check(view);
    expect(findings.map((f) => [f.path, f.level])).toEqual([['Connection1', 'error'], ['Connection2', 'error']]);
    expect(findings[0].message).toContain("no AWS::EC2::TransitGatewayRouteTablePropagation of this connection's attachment");
  });

  test("C29: hand-written, only connection 1's attachment propagated: connection 2 is an error, connection 1 passes", () => {
    const view = synthView((stack) => {
      const { table, reader } = handWritten(stack);
      new ec2.CfnTransitGatewayRouteTablePropagation(stack, 'Propagation1', {
        transitGatewayRouteTableId: table.ref,
        transitGatewayAttachmentId: reader.attachmentId('Connection1'),
      });
    });
    expect(check(view).map((f) => f.path)).toEqual(['Connection2']);
  });

  test('C29: hand-written static VPN: a route to the VPC attachment does not count, one to its own attachment does', () => {
    const toVpc = synthView((stack) => {
      const { table, vpcAttachment } = handWritten(stack, true);
      new ec2.CfnTransitGatewayRoute(stack, 'Route', {
        transitGatewayRouteTableId: table.ref,
        destinationCidrBlock: '10.1.0.0/16',
        transitGatewayAttachmentId: vpcAttachment.ref,
      });
    });
    const findings = check(toVpc);
    expect(findings.map((f) => [f.path, f.level])).toEqual([['Connection1', 'error'], ['Connection2', 'error']]);
    expect(findings[0].message).toContain('StaticRoutesOnly true');

    const toOwn = synthView((stack) => {
      const { table, reader } = handWritten(stack, true);
      for (const key of ['Connection1', 'Connection2']) {
        new ec2.CfnTransitGatewayRoute(stack, `${key}Route`, {
          transitGatewayRouteTableId: table.ref,
          destinationCidrBlock: '10.1.0.0/16',
          transitGatewayAttachmentId: reader.attachmentId(key),
        });
      }
    });
    expect(check(toOwn)).toEqual([]);
  });

  test('C29: a literal attachment id is given the benefit of the doubt (it may be the VPN attachment)', () => {
    const view = synthView((stack) => {
      const { table } = handWritten(stack);
      new ec2.CfnTransitGatewayRouteTablePropagation(stack, 'Propagation', {
        transitGatewayRouteTableId: table.ref,
        transitGatewayAttachmentId: 'tgw-attach-0123456789abcdef0',
      });
    });
    expect(check(view)).toEqual([]);
  });
});
