/**
 * C43: tunnel alarms built with the VPN. One CloudWatch alarm per tunnel on AWS/VPN TunnelState with
 * the dimensions AWS documents (VpnId, TunnelIpAddress), missing data breaching, optional SNS action;
 * the metrics API mirrors aws-cdk-lib's VpnConnection (TunnelState, TunnelDataIn, TunnelDataOut).
 */
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AzureVpnConnections } from '../../lib/aws-entry';
import { AZURE_IPS, build, documentedPlan } from './helpers';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown>; }>;
type Dimension = { Name: string; Value: unknown; };

const TUNNEL_IDS = ['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2'];

function alarmsOf(template: Template) {
  return Object.entries(template.toJSON().Resources as Resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
}

describe('C43: tunnel alarms (AWS)', () => {
  const { template, vpn, stack } = build();

  test('C43: one TunnelState alarm per tunnel, dimensions VpnId (its connection) and TunnelIpAddress (its outside IP), missing data breaching', () => {
    const alarms = alarmsOf(template);
    expect(alarms).toHaveLength(4);
    const seen = new Set<string>();
    for (const t of vpn.handoff.tunnels) {
      const alarm = vpn.tunnelAlarms[t.id];
      const properties = (template.toJSON().Resources as Resources)[stack.getLogicalId(alarm.node.defaultChild as CfnElement)].Properties;
      expect(properties).toMatchObject({
        Namespace: 'AWS/VPN',
        MetricName: 'TunnelState',
        Statistic: 'Maximum',
        Period: 300,
        ComparisonOperator: 'LessThanThreshold',
        Threshold: 1,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 3,
        TreatMissingData: 'breaching',
      });
      const dimensions = Object.fromEntries((properties.Dimensions as Dimension[]).map((d) => [d.Name, d.Value]));
      expect(Object.keys(dimensions).sort()).toEqual(['TunnelIpAddress', 'VpnId']);
      expect(dimensions.VpnId).toEqual(stack.resolve(vpn.connections[t.awsConnection - 1].ref));
      expect(dimensions.TunnelIpAddress).toEqual(stack.resolve(t.outsideIp));
      expect(properties.AlarmDescription).toContain(t.id);
      seen.add(JSON.stringify(dimensions));
    }
    expect(seen.size).toBe(4); // four distinct tunnels, none watched twice
    expect(Object.keys(vpn.tunnelAlarms).sort()).toEqual(TUNNEL_IDS);
  });

  test('C43: no action by default; alarmTopic gets alarm and OK notifications', () => {
    for (const [, alarm] of alarmsOf(template)) expect(alarm.Properties).not.toHaveProperty('AlarmActions');
    const app = new App();
    const s = new Stack(app, 'WithTopic');
    const topic = new sns.Topic(s, 'MyTopic');
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 1, natGateways: 0 });
    new AzureVpnConnections(s, 'AzureVpn', { plan: documentedPlan(), vpc, azureGatewayPublicIps: AZURE_IPS, alarmTopic: topic });
    const t = Template.fromStack(s);
    const topicRef = { Ref: s.getLogicalId(topic.node.defaultChild as never) };
    t.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { AlarmActions: [topicRef], OKActions: [topicRef] }, 4);
    t.resourceCountIs('AWS::SNS::Topic', 1); // the user's, no other
  });

  test('C43: createAlarmTopic makes an encrypted, SSL-only topic CloudWatch can use, and AwsSolutions stays clean', () => {
    const app = new App();
    const { vpn: withTopic, template: t } = (() => {
      const s = new Stack(app, 'Created');
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 1, natGateways: 0 });
      const v = new AzureVpnConnections(s, 'AzureVpn', { plan: documentedPlan(), vpc, azureGatewayPublicIps: AZURE_IPS, createAlarmTopic: true });
      return { vpn: v, template: Template.fromStack(s) };
    })();
    expect(withTopic.alarmTopic).toBeDefined();
    t.resourceCountIs('AWS::SNS::Topic', 1);
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    t.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    t.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { AlarmActions: [Match.anyValue()], OKActions: [Match.anyValue()] }, 4);
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const onConstruct = report.violations.flatMap((v) =>
      v.violatingResources.filter((r) => r.constructPath?.startsWith('Created/AzureVpn/')).map((r) => `${v.ruleName} ${r.constructPath}`)
    );
    expect(onConstruct).toEqual([]);
  });

  test('C43: tunnelAlarms false builds no alarm (opt-out)', () => {
    const { template: t, vpn: v } = build({ tunnelAlarms: false });
    expect(alarmsOf(t)).toEqual([]);
    expect(v.tunnelAlarms).toEqual({});
  });

  test('C43: contradictory alarm props are refused, naming each field', () => {
    const app = new App();
    const s = new Stack(app, 'Bad');
    const topic = new sns.Topic(s, 'T');
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 1, natGateways: 0 });
    expect(() =>
      new AzureVpnConnections(s, 'A', { plan: documentedPlan(), vpc, azureGatewayPublicIps: AZURE_IPS, alarmTopic: topic, createAlarmTopic: true })
    )
      .toThrow(/createAlarmTopic: true, but alarmTopic is given too/);
    expect(() =>
      new AzureVpnConnections(s, 'B', {
        plan: documentedPlan(),
        vpc,
        azureGatewayPublicIps: AZURE_IPS,
        outputPrefix: 'B',
        tunnelAlarms: false,
        alarmTopic: topic,
      })
    )
      .toThrow(/alarmTopic: given, but tunnelAlarms is false/);
  });

  test('metrics: TunnelState, TunnelDataIn and TunnelDataOut per tunnel, with its dimensions; an unknown tunnel id is refused', () => {
    const state = vpn.metricTunnelState('Instance1Tunnel2');
    expect(state).toMatchObject({ namespace: 'AWS/VPN', metricName: 'TunnelState', statistic: 'Maximum' });
    expect(stack.resolve(state.dimensions)).toEqual({
      VpnId: stack.resolve(vpn.connections[1].ref),
      TunnelIpAddress: stack.resolve(vpn.tunnels.Instance1Tunnel2.outsideIp),
    });
    expect(vpn.metricTunnelDataIn('Instance0Tunnel1')).toMatchObject({ metricName: 'TunnelDataIn', statistic: 'Sum' });
    expect(vpn.metricTunnelDataOut('Instance0Tunnel1', { statistic: 'Average' })).toMatchObject({
      metricName: 'TunnelDataOut',
      statistic: 'Average',
    });
    expect(() => vpn.metricTunnelState('Instance2Tunnel1')).toThrow(/no tunnel "Instance2Tunnel1"; the tunnels are Instance0Tunnel1, /);
  });
});
