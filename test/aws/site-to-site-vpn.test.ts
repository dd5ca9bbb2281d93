/**
 * The peer-neutral construct (issue 9): `SiteToSiteVpn`, its deprecated 0.1 name `AzureVpnConnections`,
 * the `ISiteToSiteVpn` import path and the per-tunnel metrics. C08, C22: users who deployed 0.1 see
 * no replacement, because the alias and the new class write the same template byte for byte.
 */
import { App, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AzureVpnConnections, SiteToSiteVpn, type ISiteToSiteVpn, type SiteToSiteVpnOptions } from '../../lib/aws-entry';
import type { ResolvedPlan } from '../../lib/plan';
import { AZURE_IPS, build, documentedPlan, planWith } from './helpers';

type Options = Partial<SiteToSiteVpnOptions>;

/** The template of a fresh app with the VPC and either class, as one JSON string. */
function templateOf(kind: 'alias' | 'new', plan: ResolvedPlan, options: (stack: Stack) => Options = () => ({})): string {
  const app = new App();
  const stack = new Stack(app, 'Test');
  const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr), maxAzs: 2, natGateways: 1 });
  const common = { plan, vpc, ...options(stack) };
  if (kind === 'alias') new AzureVpnConnections(stack, 'AzureVpn', { ...common, azureGatewayPublicIps: AZURE_IPS });
  else new SiteToSiteVpn(stack, 'AzureVpn', { ...common, peerGatewayPublicIps: AZURE_IPS });
  return JSON.stringify(app.synth().getStackByName('Test').template);
}

describe('C08, C22: the deprecated AzureVpnConnections and SiteToSiteVpn build the same stack', () => {
  test('C08, C22: the documented plan gives byte-identical templates', () => {
    const alias = templateOf('alias', documentedPlan());
    expect(templateOf('new', documentedPlan())).toBe(alias);
    expect(alias).toContain('"AWS::EC2::VPNConnection"'); // not two empty templates
  });

  test('C08, C22: a non-default plan (renamed, another inside CIDR) with non-default options gives byte-identical templates', () => {
    const plan = planWith((p) => {
      p.name = 'other-plan';
      p.tunnels = p.tunnels!.map((t) => (t.azureInstance === 1 && t.awsTunnel === 2 ? { ...t, insideCidr: '169.254.22.8/30' } : t));
    });
    const options = (stack: Stack): Options => ({
      outputPrefix: 'Other',
      presharedKeyStorage: 'SecretsManager',
      alarmTopic: new sns.Topic(stack, 'Topic'),
      routePropagationSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    });
    const alias = templateOf('alias', plan, options);
    expect(templateOf('new', plan, options)).toBe(alias);
    expect(alias).toContain('169.254.22.8/30');
    expect(alias).not.toBe(templateOf('alias', documentedPlan()));
    // An existing gateway without propagation: the other branch of the gateway target.
    const existing = (): Options => ({ vpnGatewayId: 'vgw-0123456789abcdef0', enableRoutePropagation: false });
    expect(templateOf('new', plan, existing)).toBe(templateOf('alias', plan, existing));
  });

  test('the alias is a SiteToSiteVpn, and errors name the prop the user gave', () => {
    expect(build().vpn).toBeInstanceOf(SiteToSiteVpn);
    expect(() => build({ azureGatewayPublicIps: ['20.10.0.1', '20.10.0.300'] })).toThrow(/^AzureVpnConnections .*\n {2}azureGatewayPublicIps\[1\]: /);
    const stack = new Stack(new App(), 'Test');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    expect(() => new SiteToSiteVpn(stack, 'Vpn', { plan: documentedPlan(), vpc, peerGatewayPublicIps: ['20.10.0.1', '10.0.0.1'] }))
      .toThrow(/^SiteToSiteVpn Test\/Vpn: invalid props:\n {2}peerGatewayPublicIps\[1\]: "10\.0\.0\.1"/);
  });
});

describe('SiteToSiteVpn as ISiteToSiteVpn', () => {
  const { vpn, stack, template } = build();

  test('gatewayId is the VGW, vpnConnectionIds connection 1 then 2, tunnelOutsideIps one per tunnel from the reader', () => {
    const vgw = Object.keys(template.findResources('AWS::EC2::VPNGateway'))[0];
    expect(stack.resolve(vpn.gatewayId)).toEqual({ 'Fn::GetAtt': [vgw, 'VPNGatewayId'] });
    expect(stack.resolve(vpn.vpnConnectionIds)).toEqual(vpn.connections.map((c) => ({ Ref: stack.getLogicalId(c) })));
    expect(Object.keys(vpn.tunnelOutsideIps).sort()).toEqual(['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2']);
    const reader = Object.keys(template.findResources('Custom::VpnTunnelOutsideIps'))[0];
    expect(stack.resolve(vpn.tunnelOutsideIps.Instance1Tunnel2)).toEqual({ 'Fn::GetAtt': [reader, 'Instance1Tunnel2'] });
  });

  test('C43: the alarms watch the same metric that metricTunnelState gives', () => {
    const alarmMetric = vpn.tunnelAlarms.Instance0Tunnel2.metric as cloudwatch.Metric;
    const metric = vpn.metricTunnelState('Instance0Tunnel2');
    expect(stack.resolve(alarmMetric.dimensions)).toEqual(stack.resolve(metric.dimensions));
    expect([alarmMetric.metricName, alarmMetric.statistic, alarmMetric.period.toSeconds()]).toEqual(['TunnelState', 'Maximum', 300]);
  });
});

describe('SiteToSiteVpn.fromAttributes', () => {
  const attrs = {
    gatewayId: 'vgw-0123456789abcdef0',
    tunnels: [
      { id: 'Instance0Tunnel1', vpnConnectionId: 'vpn-1', outsideIp: '3.120.0.10' },
      { id: 'Instance0Tunnel2', vpnConnectionId: 'vpn-1', outsideIp: '3.120.0.11' },
      { id: 'Instance1Tunnel1', vpnConnectionId: 'vpn-2', outsideIp: '3.120.0.12' },
      { id: 'Instance1Tunnel2', vpnConnectionId: 'vpn-2', outsideIp: '3.120.0.13' },
    ],
  };

  test('C43: an imported VPN has the ids and per-tunnel metrics with VpnId and TunnelIpAddress of that tunnel', () => {
    const stack = new Stack(new App(), 'Monitoring');
    const vpn: ISiteToSiteVpn = SiteToSiteVpn.fromAttributes(stack, 'Vpn', attrs);
    expect(vpn.gatewayId).toBe('vgw-0123456789abcdef0');
    expect(vpn.vpnConnectionIds).toEqual(['vpn-1', 'vpn-2']);
    expect(vpn.tunnelOutsideIps.Instance1Tunnel1).toBe('3.120.0.12');
    expect(vpn.metricTunnelState('Instance1Tunnel1')).toMatchObject({
      namespace: 'AWS/VPN',
      metricName: 'TunnelState',
      statistic: 'Maximum',
      dimensions: { VpnId: 'vpn-2', TunnelIpAddress: '3.120.0.12' },
    });
    expect(vpn.metricTunnelDataIn('Instance0Tunnel2')).toMatchObject({
      metricName: 'TunnelDataIn',
      statistic: 'Sum',
      dimensions: { VpnId: 'vpn-1', TunnelIpAddress: '3.120.0.11' },
    });
    expect(vpn.metricTunnelDataOut('Instance0Tunnel1', { statistic: 'Average' }))
      .toMatchObject({ metricName: 'TunnelDataOut', statistic: 'Average', dimensions: { VpnId: 'vpn-1', TunnelIpAddress: '3.120.0.10' } });
    expect(() => vpn.metricTunnelState('toString')).toThrow(/no tunnel "toString"; the tunnels are Instance0Tunnel1, Instance0Tunnel2, /);
  });

  test("C43: an alarm on an imported tunnel synthesizes with that tunnel's dimensions; importing adds no resource", () => {
    const empty = new Stack(new App(), 'Monitoring');
    SiteToSiteVpn.fromAttributes(empty, 'Vpn', attrs);
    expect(Template.fromStack(empty).toJSON().Resources).toBeUndefined();
    const stack = new Stack(new App(), 'Monitoring');
    const vpn = SiteToSiteVpn.fromAttributes(stack, 'Vpn', attrs);
    vpn.metricTunnelState('Instance0Tunnel2').createAlarm(stack, 'Down', {
      threshold: 1,
      evaluationPeriods: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/VPN',
      MetricName: 'TunnelState',
      Dimensions: [{ Name: 'TunnelIpAddress', Value: '3.120.0.11' }, { Name: 'VpnId', Value: 'vpn-1' }],
    });
  });

  test('tokens (e.g. imported stack outputs) are accepted as ids and outside IPs', () => {
    const stack = new Stack(new App(), 'Monitoring');
    const ip = Token.asString({ 'Fn::ImportValue': 'Vpn-Instance0Tunnel1OutsideIp' });
    const vpn = SiteToSiteVpn.fromAttributes(stack, 'Vpn', {
      gatewayId: 'vgw-1',
      tunnels: [{ id: 'Instance0Tunnel1', vpnConnectionId: 'vpn-1', outsideIp: ip }],
    });
    expect(stack.resolve(vpn.metricTunnelState('Instance0Tunnel1').dimensions)).toEqual({
      VpnId: 'vpn-1',
      TunnelIpAddress: { 'Fn::ImportValue': 'Vpn-Instance0Tunnel1OutsideIp' },
    });
  });

  test('invalid attributes: every problem at once, naming the field and a valid value', () => {
    const stack = new Stack(new App(), 'Monitoring');
    const bad = {
      gatewayId: '',
      tunnels: [
        { id: 'Instance0Tunnel1', vpnConnectionId: 'vpn-1', outsideIp: '3.120.0.300' },
        { id: 'Instance0Tunnel1', vpnConnectionId: '', outsideIp: '3.120.0.11' },
      ],
    };
    let message = '';
    try {
      SiteToSiteVpn.fromAttributes(stack, 'Vpn', bad);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'SiteToSiteVpn.fromAttributes Monitoring/Vpn: invalid attributes:',
      expect.stringMatching(/^ {2}gatewayId: missing; .*"vgw-0123456789abcdef0"/),
      expect.stringMatching(/^ {2}tunnels\[0\]\.outsideIp: "3\.120\.0\.300" is not an IPv4 address; .*"3\.120\.0\.10"/),
      expect.stringMatching(/^ {2}tunnels\[1\]\.id: "Instance0Tunnel1" is given twice/),
      expect.stringMatching(/^ {2}tunnels\[1\]\.vpnConnectionId: missing; .*"vpn-0123456789abcdef0"/),
    ]);
    expect(() => SiteToSiteVpn.fromAttributes(stack, 'Empty', { gatewayId: 'vgw-1', tunnels: [] })).toThrow(
      /tunnels: empty; give each tunnel as \{ id, vpnConnectionId, outsideIp \}/,
    );
  });
});
