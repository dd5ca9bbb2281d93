/**
 * Issue 10: `cdk synth -c plan=examples/alibaba-plan.json -c peerOutputs=samples/alibaba-outputs.json`, in
 * process (what bin/app.ts does, without a CLI run): the AWS customer gateways carry the Alibaba gateway's IPs,
 * IP 1 (internetIp) for AWS connection 1, and the Alibaba local ASN (C39, C41). `-c azureOutputs` stays an alias.
 */
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { peerOutputsFile } from '../../bin/context';
import { ExampleStack } from '../../bin/example-stack';
import { validatePlanFile } from '../../lib/check/file';
import { readAzureOutputs } from '../../lib/handoff/azure-outputs';

const ROOT = path.join(__dirname, '../..');
const context = (values: Record<string, unknown>) => (key: string) => values[key];

test('-c peerOutputs names the peer outputs file; -c azureOutputs is its alias; both at once is refused', () => {
  expect(peerOutputsFile(context({ peerOutputs: 'samples/alibaba-outputs.json' }))).toEqual({ file: 'samples/alibaba-outputs.json' });
  expect(peerOutputsFile(context({ azureOutputs: 'azure-outputs.json' }))).toEqual({ file: 'azure-outputs.json' });
  expect(peerOutputsFile(context({}))).toEqual({ file: undefined });
  expect(peerOutputsFile(context({ peerOutputs: '' }))).toEqual({ problem: expect.stringMatching(/^-c peerOutputs= is empty/) });
  expect(peerOutputsFile(context({ peerOutputs: 'a.json', azureOutputs: 'b.json' }))).toEqual({ problem: expect.stringContaining('both given') });
});

test('C39, C41: the Alibaba plan synthesizes with customer gateways on the Alibaba IPs (IP 1 first) and the Alibaba local ASN', () => {
  const { plan, findings } = validatePlanFile(path.join(ROOT, 'examples/alibaba-plan.json'));
  expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  const file = peerOutputsFile(context({ peerOutputs: path.join(ROOT, 'samples/alibaba-outputs.json') })).file!;
  const ips = readAzureOutputs(file).gatewayPublicIps;
  expect(ips).toEqual(['203.0.113.10', '198.51.100.20']);
  const stack = new ExampleStack(new App(), 'AlibabaAws', { plan: plan!, azureGatewayPublicIps: ips });
  const template = Template.fromStack(stack);
  const gateways = Object.values(template.findResources('AWS::EC2::CustomerGateway')).map((r) =>
    r.Properties as { IpAddress: string; BgpAsn: number; }
  );
  expect(gateways.map((g) => [g.IpAddress, Number(g.BgpAsn)])).toEqual([['203.0.113.10', 45104], ['198.51.100.20', 45104]]);
  // Connection k's customer gateway is Alibaba IP k: each VPN connection's tunnels carry that connection's inside CIDRs.
  const connections = Object.values(template.findResources('AWS::EC2::VPNConnection')).map((r) =>
    r.Properties as { VpnTunnelOptionsSpecifications: { TunnelInsideCidr: string; }[]; }
  );
  expect(connections.map((c) => c.VpnTunnelOptionsSpecifications.map((t) => t.TunnelInsideCidr))).toEqual([
    ['169.254.21.0/30', '169.254.22.0/30'],
    ['169.254.21.4/30', '169.254.22.4/30'],
  ]);
  expect(template.toJSON().Description).toContain('Alibaba Cloud');
});
