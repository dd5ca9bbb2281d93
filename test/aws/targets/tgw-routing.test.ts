import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { VpnTransitGateway, type IVpnTransitGateway } from '../../../lib/aws/targets/tgw-gateway';
import { AwsSolutionsChecks } from 'cdk-nag';
import { planRouteTable } from '../../../lib/aws/targets/tgw-routing';
import { PEER, ofType, only, tgwStack } from './tgw-stacks';

describe('a new transit gateway', () => {
  test('C29: VPN ECMP on, default association and propagation off, shared attachments reviewed, the plan ASN; no VGW', () => {
    const { template, resources } = tgwStack();
    template.hasResourceProperties('AWS::EC2::TransitGateway', {
      AmazonSideAsn: 64512,
      VpnEcmpSupport: 'enable',
      DefaultRouteTableAssociation: 'disable',
      DefaultRouteTablePropagation: 'disable',
      AutoAcceptSharedAttachments: 'disable',
    });
    expect(ofType(resources, 'AWS::EC2::VPNGateway')).toEqual([]);
    // The VPC's internet gateway attachment is a VPCGatewayAttachment too: only a VGW one would be wrong.
    expect(ofType(resources, 'AWS::EC2::VPCGatewayAttachment').filter(([, r]) => r.Properties.VpnGatewayId !== undefined)).toEqual([]);
  });

  test('C29: each setting is passed through when turned the other way', () => {
    const { template } = tgwStack({
      gatewayProps: {
        vpnEcmpSupport: false,
        defaultRouteTableAssociation: true,
        defaultRouteTablePropagation: true,
        autoAcceptSharedAttachments: true,
        amazonSideAsn: 4200000001,
      },
    });
    template.hasResourceProperties('AWS::EC2::TransitGateway', {
      AmazonSideAsn: 4200000001,
      VpnEcmpSupport: 'disable',
      DefaultRouteTableAssociation: 'enable',
      DefaultRouteTablePropagation: 'enable',
      AutoAcceptSharedAttachments: 'enable',
    });
  });

  test('an existing gateway by id creates nothing; a malformed id or table id is refused naming the field', () => {
    const stack = new Stack(new App(), 'Existing');
    const gateway = VpnTransitGateway.fromTransitGatewayAttributes(stack, 'Tgw', {
      transitGatewayId: 'tgw-0123456789abcdef0',
      defaultRouteTableAssociation: false,
      defaultRouteTablePropagation: false,
    });
    expect(gateway).toMatchObject({ transitGatewayId: 'tgw-0123456789abcdef0', isNew: false });
    expect(Template.fromStack(stack).toJSON().Resources ?? {}).toEqual({});
    expect(() =>
      VpnTransitGateway.fromTransitGatewayAttributes(stack, 'Bad', {
        transitGatewayId: 'vgw-0123456789abcdef0',
        defaultRouteTableAssociation: true,
        defaultRouteTablePropagation: true,
        associationDefaultRouteTableId: 'rtb-0123456789abcdef0',
      })
    ).toThrow(/transitGatewayId: "vgw-0123456789abcdef0" is not a transit gateway id[\s\S]*associationDefaultRouteTableId: "rtb-0123456789abcdef0"/);
  });
});

describe('C28, C29: routing between the VPC and the VPN attachments', () => {
  const built = tgwStack();
  const { resources, stack, vpc } = built;
  const [tgwId] = only(resources, 'AWS::EC2::TransitGateway');
  const [tableId, table] = only(resources, 'AWS::EC2::TransitGatewayRouteTable');
  const [attachmentId, attachment] = only(resources, 'AWS::EC2::TransitGatewayVpcAttachment');
  const [readerId] = only(resources, 'Custom::VpnTransitGatewayAttachmentIds');

  test('a route table of the gateway, and a VPC attachment with one private subnet per AZ', () => {
    expect(table.Properties).toEqual({ TransitGatewayId: { Ref: tgwId } });
    expect(attachment.Properties.TransitGatewayId).toEqual({ Ref: tgwId });
    expect(attachment.Properties.VpcId).toEqual(stack.resolve(vpc.vpcId));
    expect(attachment.Properties.SubnetIds).toEqual(vpc.privateSubnets.map((s) => stack.resolve(s.subnetId)));
    expect(ofType(resources, 'AWS::EC2::TransitGatewayAttachment')).toEqual([]);
  });

  test('C29: both VPN attachments (from the reader) and the VPC attachment are associated with the table and propagated into it', () => {
    const pairs = (type: string) =>
      ofType(resources, type)
        .map(([, r]) => [r.Properties.TransitGatewayAttachmentId, r.Properties.TransitGatewayRouteTableId]);
    const expected = [
      [{ 'Fn::GetAtt': [readerId, 'Connection1'] }, { Ref: tableId }],
      [{ 'Fn::GetAtt': [readerId, 'Connection2'] }, { Ref: tableId }],
      [{ Ref: attachmentId }, { Ref: tableId }],
    ];
    expect(pairs('AWS::EC2::TransitGatewayRouteTableAssociation')).toEqual(expected);
    expect(pairs('AWS::EC2::TransitGatewayRouteTablePropagation')).toEqual(expected);
  });

  test('C28: every private route table has a route for the peer CIDR to the gateway, after the VPC attachment; public ones none', () => {
    const routes = ofType(resources, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId !== undefined);
    expect(routes.map(([, r]) => r.Properties.RouteTableId)).toEqual(vpc.privateSubnets.map((s) => stack.resolve(s.routeTable.routeTableId)));
    for (const [, route] of routes) {
      expect(route.Properties).toMatchObject({ DestinationCidrBlock: PEER, TransitGatewayId: { Ref: tgwId } });
      expect(route.DependsOn).toContain(attachmentId);
    }
    expect(routes.map(([id]) => id)).toEqual([
      expect.stringMatching(/^RoutingPrivateSubnet1To10x1x0x0x16/),
      expect.stringMatching(/^RoutingPrivateSubnet2To10x1x0x0x16/),
    ]);
  });

  test('C28: a second peer CIDR adds routes and renames none', () => {
    const routeIds = (b: ReturnType<typeof tgwStack>) =>
      ofType(b.resources, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId !== undefined).map(([id]) => id);
    const two = tgwStack({ routing: { peerCidrs: [PEER, '10.2.0.0/16'] } });
    expect(routeIds(two)).toEqual(expect.arrayContaining(routeIds(built)));
    expect(routeIds(two)).toHaveLength(4);
  });

  test('C28: subnets choose the route tables; attachmentSubnets the attachment, one per AZ', () => {
    const b = tgwStack({
      vpcProps: {
        subnetConfiguration: [
          { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
          { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          { name: 'Tgw', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 },
        ],
      },
      routing: { subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, attachmentSubnets: { subnetGroupName: 'Tgw' } },
    });
    const [, attachmentResource] = only(b.resources, 'AWS::EC2::TransitGatewayVpcAttachment');
    expect(attachmentResource.Properties.SubnetIds).toEqual(b.vpc.isolatedSubnets.map((s) => b.stack.resolve(s.subnetId)));
    const tables = ofType(b.resources, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId !== undefined).map(([, r]) =>
      r.Properties.RouteTableId
    );
    expect(tables).toEqual(b.vpc.privateSubnets.map((s) => b.stack.resolve(s.routeTable.routeTableId)));
  });

  test('the attachment takes one subnet per AZ even when the selection has two', () => {
    const b = tgwStack({
      vpcProps: {
        subnetConfiguration: [
          { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
          { name: 'AppA', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          { name: 'AppB', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        ],
      },
    });
    const [, attachmentResource] = only(b.resources, 'AWS::EC2::TransitGatewayVpcAttachment');
    expect(attachmentResource.Properties.SubnetIds).toHaveLength(2);
    // …while all four private route tables get the route.
    expect(ofType(b.resources, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId !== undefined)).toHaveLength(4);
  });
});

describe('C29: an existing gateway, route table or VPC attachment', () => {
  const existing = (attrs: Partial<Parameters<typeof VpnTransitGateway.fromTransitGatewayAttributes>[2]> = {}) => (stack: Stack) =>
    VpnTransitGateway.fromTransitGatewayAttributes(stack, 'Tgw', {
      transitGatewayId: 'tgw-0123456789abcdef0',
      defaultRouteTableAssociation: false,
      defaultRouteTablePropagation: false,
      ...attrs,
    });

  test('C29: a given route table and VPC attachment: nothing new but the associations, propagations and routes (no DependsOn)', () => {
    const { resources } = tgwStack({
      gateway: existing(),
      routing: { routeTableId: 'tgw-rtb-0123456789abcdef0', vpcAttachmentId: 'tgw-attach-0123456789abcdef0' },
    });
    expect(ofType(resources, 'AWS::EC2::TransitGateway')).toEqual([]);
    expect(ofType(resources, 'AWS::EC2::TransitGatewayRouteTable')).toEqual([]);
    expect(ofType(resources, 'AWS::EC2::TransitGatewayVpcAttachment')).toEqual([]);
    const associations = ofType(resources, 'AWS::EC2::TransitGatewayRouteTableAssociation').map(([, r]) => r.Properties);
    expect(associations).toHaveLength(3);
    for (const a of associations) expect(a.TransitGatewayRouteTableId).toBe('tgw-rtb-0123456789abcdef0');
    expect(associations[2].TransitGatewayAttachmentId).toBe('tgw-attach-0123456789abcdef0');
    const routes = ofType(resources, 'AWS::EC2::Route').filter(([, r]) => r.Properties.TransitGatewayId === 'tgw-0123456789abcdef0');
    expect(routes).toHaveLength(2);
    for (const [, r] of routes) expect(r.DependsOn).toBeUndefined();
  });

  test('C29: a gateway that associates and propagates by itself into the given default table: no association, no propagation', () => {
    const { resources } = tgwStack({
      gateway: existing({
        defaultRouteTableAssociation: true,
        defaultRouteTablePropagation: true,
        associationDefaultRouteTableId: 'tgw-rtb-0123456789abcdef0',
        propagationDefaultRouteTableId: 'tgw-rtb-0123456789abcdef0',
      }),
      routing: { routeTableId: 'tgw-rtb-0123456789abcdef0' },
    });
    expect(ofType(resources, 'AWS::EC2::TransitGatewayRouteTableAssociation')).toEqual([]);
    expect(ofType(resources, 'AWS::EC2::TransitGatewayRouteTablePropagation')).toEqual([]);
  });

  test('C29: a new gateway with default association and propagation: its unnamed default table does both, nothing declared', () => {
    const { resources, routing } = tgwStack({ gatewayProps: { defaultRouteTableAssociation: true, defaultRouteTablePropagation: true } });
    expect(routing.routeTableId).toBeUndefined();
    expect(ofType(resources, 'AWS::EC2::TransitGatewayRouteTable')).toEqual([]);
    expect(ofType(resources, 'AWS::EC2::TransitGatewayRouteTableAssociation')).toEqual([]);
    expect(ofType(resources, 'AWS::EC2::TransitGatewayRouteTablePropagation')).toEqual([]);
    expect(ofType(resources, 'AWS::EC2::TransitGatewayVpcAttachment')).toHaveLength(1);
  });

  test('C29: a gateway that associates by itself, with another route table given: refused, saying Resource.AlreadyAssociated', () => {
    expect(() =>
      tgwStack({
        gateway: existing({ defaultRouteTableAssociation: true, associationDefaultRouteTableId: 'tgw-rtb-0000000000000000a' }),
        routing: { routeTableId: 'tgw-rtb-0123456789abcdef0' },
      })
    ).toThrow(
      /routeTableId: tgw-rtb-0123456789abcdef0 is not the gateway's default association route table \(tgw-rtb-0000000000000000a\)[\s\S]*Resource\.AlreadyAssociated/,
    );
  });

  test('C29: a new gateway that associates by itself but does not propagate: refused (its default table has no id in CloudFormation)', () => {
    expect(() => tgwStack({ gatewayProps: { defaultRouteTableAssociation: true } }))
      .toThrow(
        /routeTableId: not given, and the gateway associates attachments with its default route table by itself[\s\S]*CloudFormation does not return that table's id/,
      );
  });
});

describe('planRouteTable: what is declared for each gateway setting', () => {
  const gw = (p: Partial<IVpnTransitGateway>): IVpnTransitGateway =>
    ({
      transitGatewayId: 'tgw-0123456789abcdef0',
      defaultRouteTableAssociation: false,
      defaultRouteTablePropagation: false,
      isNew: false,
      ...p,
    }) as IVpnTransitGateway;
  const A = 'tgw-rtb-0000000000000000a';
  const B = 'tgw-rtb-0000000000000000b';
  test.each([
    ['defaults off, no table', gw({}), undefined, { create: true, associate: true, propagate: true }],
    ['defaults off, table given', gw({}), A, { tableId: A, create: false, associate: true, propagate: true }],
    ['propagation only, into another table', gw({ defaultRouteTablePropagation: true, propagationDefaultRouteTableId: B }), A, {
      tableId: A,
      create: false,
      associate: true,
      propagate: true,
    }],
    ['propagation only, into this table', gw({ defaultRouteTablePropagation: true, propagationDefaultRouteTableId: A }), A, {
      tableId: A,
      create: false,
      associate: true,
      propagate: false,
    }],
    ['association only, default table known', gw({ defaultRouteTableAssociation: true, associationDefaultRouteTableId: A }), undefined, {
      tableId: A,
      create: false,
      associate: false,
      propagate: true,
    }],
    [
      'both, two known default tables',
      gw({
        defaultRouteTableAssociation: true,
        defaultRouteTablePropagation: true,
        associationDefaultRouteTableId: A,
        propagationDefaultRouteTableId: B,
      }),
      undefined,
      { tableId: A, create: false, associate: false, propagate: true },
    ],
  ])('%s', (_name, gateway, table, expected) => {
    expect(planRouteTable(gateway, table)).toEqual(expected);
  });

  test('propagation by itself into an unknown default table, with a table given: refused (a repeat propagation fails)', () => {
    expect(planRouteTable(gw({ defaultRouteTablePropagation: true }), A)).toMatch(/give propagationDefaultRouteTableId/);
  });
});

describe('the routing refuses what cannot work', () => {
  test('peer CIDRs that are malformed or have host bits set, empty attachments, bad keys: all reported, each naming its field and a valid value', () => {
    expect(() =>
      tgwStack({ routing: { peerCidrs: ['10.1.0.1/16', '10.1.0.0/33'], vpnAttachmentIds: { 'Connection 1': 'tgw-attach-0123456789abcdef0' } } })
    )
      .toThrow(
        /vpnAttachmentIds: key "Connection 1"[\s\S]*peerCidrs\[0\]: "10\.1\.0\.1\/16" has host bits set; use 10\.1\.0\.0\/16[\s\S]*peerCidrs\[1\]: "10\.1\.0\.0\/33" is not an IPv4 CIDR/,
      );
    expect(() => tgwStack({ routing: { peerCidrs: [], vpnAttachmentIds: {} } })).toThrow(/vpnAttachmentIds: empty[\s\S]*peerCidrs: empty/);
  });
});

describe('AwsSolutions on the gateway and the routing', () => {
  test('no AwsSolutions finding on the transit gateway or the routing constructs (the user VPC still gets its own)', () => {
    const { app } = tgwStack();
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const ours = report.violations.flatMap((v) =>
      v.violatingResources
        .filter((r) => /^Test\/(Tgw|Routing|Reader)\//.test(r.constructPath ?? ''))
        .map((r) => `${v.ruleName} ${r.constructPath}`)
    );
    expect(ours).toEqual([]);
    expect(report.violations.map((v) => v.ruleName)).toContain('AwsSolutions-VPC7');
  });
});
