import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../../../lib/aws-entry';
import { VpnRulesAspect } from '../../../lib/enforcement';
import { planVpn } from '../../../lib/check/validate';
import { checkCfn } from '../../../lib/check/registry';
import { TunnelAlarmsConfigured } from '../../../lib/rules/topology/TunnelAlarmsConfigured';
import { synthView } from '../fixtures';

const rule = [TunnelAlarmsConfigured];

/** A hand-written VGW connection, and `alarms` TunnelState alarms on it (one per distinct tunnel IP, or connection-wide). */
function connection(stack: Stack, alarms: ('tunnel1' | 'tunnel2' | 'connection' | 'other-namespace')[]): void {
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const vpn = new ec2.CfnVPNConnection(stack, 'Connection', { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref });
  for (const a of alarms) {
    const dimensionsMap: Record<string, string> = { VpnId: vpn.ref };
    if (a === 'tunnel1') dimensionsMap.TunnelIpAddress = '198.51.100.1';
    if (a === 'tunnel2') dimensionsMap.TunnelIpAddress = '198.51.100.2';
    const metric = new cloudwatch.Metric({ namespace: a === 'other-namespace' ? 'AWS/EC2' : 'AWS/VPN', metricName: 'TunnelState', dimensionsMap });
    new cloudwatch.Alarm(stack, `Alarm-${a}`, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    });
  }
}

describe('TunnelAlarmsConfigured', () => {
  test('C43: a connection without any TunnelState alarm is a warning naming the connection', () => {
    const findings = checkCfn(synthView((s) => connection(s, [])), rule);
    expect(findings).toEqual([
      expect.objectContaining({ path: 'Connection', ruleId: 'TunnelAlarmsConfigured', catalogue: ['C43'], level: 'warning' }),
    ]);
    expect(findings[0].message).toMatch(/no CloudWatch alarm watches/);
  });

  test('C43: one tunnel watched out of two is still a warning; an alarm on another namespace does not count', () => {
    expect(checkCfn(synthView((s) => connection(s, ['tunnel1'])), rule)[0].message).toMatch(/only one of the connection's two tunnels/);
    expect(checkCfn(synthView((s) => connection(s, ['other-namespace'])), rule)).toHaveLength(1);
  });

  test('C43: both tunnels watched, or the whole connection, pass', () => {
    expect(checkCfn(synthView((s) => connection(s, ['tunnel1', 'tunnel2'])), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => connection(s, ['connection'])), rule)).toEqual([]);
  });

  test('C43: the construct passes by default and warns through the Aspect with tunnelAlarms: false', () => {
    const warningsOf = (tunnelAlarms: boolean) => {
      const app = new App();
      const stack = new Stack(app, `S${tunnelAlarms}`);
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
      new AzureVpnConnections(stack, 'AzureVpn', { plan: planVpn(), vpc, azureGatewayPublicIps: ['20.10.0.1', '20.10.0.2'], tunnelAlarms });
      VpnRulesAspect.enable(app);
      return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('MultiCloudVpn-TunnelAlarmsConfigured C43'));
    };
    expect(warningsOf(true)).toEqual([]);
    expect(warningsOf(false).map((w) => w.id).sort()).toEqual([`/Sfalse/AzureVpn/Connection1`, `/Sfalse/AzureVpn/Connection2`]);
  });
});
