/**
 * Every transit gateway target the plan accepts builds a stack our rule pack accepts (no error), with
 * the connections on that gateway; every refusal is owned by a catalogue rule (C04 C08 C11 C27 C29) or is
 * a shape finding. A plan check that lets through what the construct or a cfn rule refuses (route
 * table / default association combinations, existing gateways) surfaces here with the counterexample.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { SiteToSiteVpn } from '../../lib/aws-entry';
import { checkCfn } from '../../lib/check/registry';
import { validatePlan } from '../../lib/check/validate';
import { cfnViewFromTemplate } from '../../lib/check/views/cfn-view';
import type { PlanInput } from '../../lib/plan';

const onOff = fc.constantFrom('enable' as const, 'disable' as const);
const targets = fc.record({
  kind: fc.constant('tgw' as const),
  transitGatewayId: fc.constantFrom('tgw-0123456789abcdef0', 'tgw-01234567'),
  amazonSideAsn: fc.constantFrom(64512, 64512, 64512, 64513, 7224),
  vpnEcmpSupport: onOff,
  defaultRouteTableAssociation: onOff,
  defaultRouteTablePropagation: onOff,
  routeTable: fc.constantFrom('new' as const, 'default' as const, { id: 'tgw-rtb-0123456789abcdef0' }),
  // 'private' only: which subnets exist is the VPC's, not the plan's; choosing 'public' in a VPC with private
  // subnets leaves those unrouted, which C28 refuses in the template (an error, as it should be).
  vpcAttachment: fc.constant({ subnets: { type: 'private' as const } }),
  enableAcceleration: fc.boolean(),
  tunnelBandwidth: fc.constantFrom('standard' as const, 'large' as const),
}, { requiredKeys: ['kind'] });

const OWNERS = new Set(['Schema', 'InsideCidrUnique', 'VgwAsnIsPrivate', 'PeerAsnsMatch', 'NoAccelerationOnVgw', 'TransitGatewayVpnRouting']);

describe('aws.target kind tgw: accepted means buildable and clean (C04 C08 C11 C27 C28 C29)', () => {
  test('accepted targets synthesize with the connections on the gateway and no error of our rule pack; refusals have an owner', () => {
    let accepted = 0;
    fc.assert(
      fc.property(targets, (target) => {
        const result = validatePlan({ aws: { target } } as PlanInput);
        for (const f of result.findings) expect(OWNERS).toContain(f.ruleId);
        if (!result.plan) {
          expect(result.findings.some((f) => f.level === 'error')).toBe(true);
          return;
        }
        accepted++;
        const stack = new Stack(new App(), 'Prop');
        const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
        new SiteToSiteVpn(stack, 'Vpn', { plan: result.plan, vpc, peerGatewayPublicIps: ['192.0.2.10', '192.0.2.11'] });
        const json = Template.fromStack(stack).toJSON();
        const gateway = target.transitGatewayId ??
          { Ref: Object.keys(json.Resources).find((k) => json.Resources[k].Type === 'AWS::EC2::TransitGateway') };
        const connections = Object.values(json.Resources as Record<string, { Type: string; Properties: Record<string, unknown>; }>).filter((r) =>
          r.Type === 'AWS::EC2::VPNConnection'
        );
        expect(connections.map((c) => c.Properties.TransitGatewayId)).toEqual([gateway, gateway]);
        const errors = checkCfn(cfnViewFromTemplate(json)).filter((f) => f.level === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: 150, seed: 11 },
    );
    expect(accepted).toBeGreaterThan(5); // the property said something about accepted plans
  });
});
