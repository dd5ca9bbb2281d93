import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { RouteBasedSingleSaPair } from '../../../lib/rules/ipsec/RouteBasedSingleSaPair';
import { compliantAzureView, synthView } from '../fixtures';

const rule = [RouteBasedSingleSaPair];

function connection(stack: Stack, localIpv4NetworkCidr?: string, remoteIpv4NetworkCidr?: string): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  new ec2.CfnVPNConnection(stack, 'Connection', {
    type: 'ipsec.1',
    customerGatewayId: cgw.ref,
    vpnGatewayId: vgw.ref,
    localIpv4NetworkCidr,
    remoteIpv4NetworkCidr,
  });
}

describe('RouteBasedSingleSaPair', () => {
  test('C26: the default plan and the compliant view have no finding', () => {
    expect(validatePlan({}).findings.filter((f) => f.ruleId === RouteBasedSingleSaPair.id)).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test('C26: network CIDRs absent or 0.0.0.0/0 (seed 004) pass', () => {
    expect(checkCfn(synthView((s) => connection(s)), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => connection(s, '0.0.0.0/0', '0.0.0.0/0')), rule)).toEqual([]);
  });

  test('C26: a narrower local or remote network CIDR is an error naming the value', () => {
    const findings = checkCfn(synthView((s) => connection(s, '10.1.0.0/16', '10.2.0.0/16')), rule);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ path: 'Connection', ruleId: 'RouteBasedSingleSaPair', catalogue: ['C26'], level: 'error' });
    expect(findings[0].message).toContain('LocalIpv4NetworkCidr is "10.1.0.0/16"');
    expect(findings[1].message).toContain('RemoteIpv4NetworkCidr');
    expect(findings[0].fix).toContain('0.0.0.0/0');
  });

  test('C26: usePolicyBasedTrafficSelectors true on an Azure connection is an error', () => {
    const view = compliantAzureView();
    const findings = checkAzure({
      ...view,
      connections: view.connections.map((c, i) => (i === 0 ? { ...c, usePolicyBasedTrafficSelectors: true } : c)),
    }, rule);
    expect(findings.map((f) => f.path)).toEqual(['connection cn-Instance0Tunnel1.usePolicyBasedTrafficSelectors']);
    expect(findings[0].fix).toBe('false.');
  });
});
