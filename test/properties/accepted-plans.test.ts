/**
 * Every plan `planVpn` accepts builds resources every rule accepts: the Azure design (azure scope)
 * and the AWS stack (cfn scope). A plan check that lets through what a cfn or azure check refuses
 * would surface here, with the counterexample.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { AzureVpnConnections } from '../../lib/aws-entry';
import { azureDesign } from '../../lib/peers/azure/design';
import { type PlanInput, type ResolvedPlan } from '../../lib/plan';
import { validatePlan } from '../../lib/check/validate';
import { checkCfn } from '../../lib/check/registry';
import { checkAzure } from '../../lib/peers/azure/pulumi/check';
import { cfnViewFromTemplate } from '../../lib/check/views/cfn-view';

const OUTSIDE_IPS = ['192.0.2.10', '192.0.2.11', '198.51.100.10', '198.51.100.11'];

/** Mostly valid values, some invalid: the properties need accepted plans to say anything. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const asn = mostly(
  fc.oneof(fc.integer({ min: 64512, max: 65534 }), fc.integer({ min: 4200000000, max: 4294967294 })),
  fc.constantFrom(1, 7224, 65515, 4294967295),
);
const block = fc.integer({ min: 0, max: 127 }).map((b) => `169.254.${21 + Math.floor(b / 64)}.${(b % 64) * 4}/30`);
const inputs: fc.Arbitrary<PlanInput> = fc.record({
  aws: fc.record({
    asn,
    vpcCidr: mostly(fc.constantFrom('10.2.0.0/16', '172.16.0.0/16', '10.200.0.0/24'), fc.constantFrom('10.1.0.0/16', '172.16.0.0/12')),
    startupAction: mostly(fc.constant('start' as const), fc.constant('add' as const)),
  }, { requiredKeys: [] }),
  azure: fc.record({
    asn,
    sku: mostly(fc.constantFrom('VpnGw2AZ', 'VpnGw3AZ', 'VpnGw5AZ'), fc.constantFrom('VpnGw2', 'Basic')),
    generation: mostly(fc.constant('Generation2'), fc.constant('Generation1')),
    gatewaySubnetCidr: mostly(fc.constantFrom('10.1.1.0/24', '10.1.255.224/27'), fc.constantFrom('10.1.1.0/29', '10.9.0.0/24')),
  }, { requiredKeys: [] }),
  tunnels: fc.uniqueArray(
    fc.record({ azureInstance: fc.constantFrom(0 as const, 1 as const), awsTunnel: fc.constantFrom(1 as const, 2 as const), insideCidr: block }),
    { maxLength: 4, selector: (t) => `${t.azureInstance}${t.awsTunnel}` },
  ),
  ipsec: fc.record({
    phase1: fc.record({
      encryption: fc.constantFrom('AES128', 'AES256', 'AES256-GCM-16'),
      integrity: mostly(fc.constantFrom('SHA1', 'SHA2-256', 'SHA2-384'), fc.constant('SHA2-512')),
      dhGroup: mostly(fc.constantFrom(2, 14, 19, 20, 24), fc.constantFrom(5, 21)),
    }, { requiredKeys: [] }),
    phase2: fc.record({
      encryption: fc.constantFrom('AES128', 'AES256', 'AES128-GCM-16'),
      integrity: mostly(fc.constantFrom('SHA1', 'SHA2-256'), fc.constant('SHA2-384')),
      dhGroup: mostly(fc.constantFrom(2, 14, 19, 20, 24), fc.constant(5)),
      lifetimeSeconds: mostly(fc.constantFrom(900, 3600), fc.constant(28800)),
    }, { requiredKeys: [] }),
    dpdTimeoutSeconds: mostly(fc.constantFrom(30, 45, 3600), fc.constant(10)),
  }, { requiredKeys: [] }),
}, { requiredKeys: [] });

const errorsOf = (findings: readonly { level: string; }[]) => findings.filter((f) => f.level === 'error');

/** Plans `planVpn` accepts, drawn from the inputs above (about one in four is accepted). */
const acceptedPlans: fc.Arbitrary<ResolvedPlan> = inputs
  .map((input) => validatePlan(input).plan)
  .filter((plan): plan is ResolvedPlan => plan !== undefined);

describe('every accepted plan passes every rule', () => {
  test('the Azure design of an accepted plan has no azure-scope error', () => {
    fc.assert(
      fc.property(acceptedPlans, (plan) => {
        const awsTunnels = Object.fromEntries(plan.tunnels.map((t, i) => [t.id, { outsideIp: OUTSIDE_IPS[i], presharedKeyProblems: [] }]));
        expect(errorsOf(checkAzure(azureDesign(plan, { awsTunnels })))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('the AWS stack of an accepted plan has no cfn-scope error (fewer runs: each synthesizes)', () => {
    fc.assert(
      fc.property(acceptedPlans, (plan) => {
        const stack = new Stack(new App(), 'Property');
        const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr), maxAzs: 2, natGateways: 0 });
        new AzureVpnConnections(stack, 'Vpn', { plan, vpc, azureGatewayPublicIps: ['20.10.0.1', '20.10.0.2'] });
        expect(errorsOf(checkCfn(cfnViewFromTemplate(Template.fromStack(stack).toJSON())))).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });
});
