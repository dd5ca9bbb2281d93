import type { AlibabaDesign } from '../../peers/alibaba/design';
import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';
import { tunnelPath } from '../../check/views/alibaba';

const EXPECTED = [
  { role: 'master', gatewayIp: 0 },
  { role: 'slave', gatewayIp: 1 },
] as const;

function dualTunnel(design: AlibabaDesign): Violation[] {
  const violations: Violation[] = [];
  const { gateway } = design;
  if (gateway.disasterRecoveryVswitchId === '' || gateway.disasterRecoveryVswitchId === gateway.vswitchId) {
    violations.push({
      path: 'gateway.disasterRecoveryVswitchId',
      message: gateway.disasterRecoveryVswitchId === ''
        ? 'is empty: the gateway gets no second IP and no standby tunnel.'
        : `is the same vSwitch as vswitchId ('${gateway.vswitchId}'); tunnel 2 needs a vSwitch of its own.`,
      fix: 'a second vSwitch of the VPC, in another zone where the region has two (in a single-zone region another vSwitch of the same zone).',
    });
  }
  design.connections.forEach((connection, i) => {
    if (connection.tunnels.length !== 2) {
      violations.push({
        path: `connections[${i}].tunnels`,
        message:
          `${connection.tunnels.length} tunnel(s) on connection ${connection.name}: without both, the connection loses its standby and zone redundancy.`,
        fix: 'two tunnel specifications: tunnel 1 (master, IP 1) and tunnel 2 (slave, IP 2).',
      });
    }
    connection.tunnels.forEach((tunnel, j) => {
      const expected = EXPECTED[j];
      if (expected === undefined) return;
      if (tunnel.role !== expected.role || tunnel.gatewayIp !== expected.gatewayIp || tunnel.position !== j + 1) {
        violations.push({
          path: `${tunnelPath(i, j)}.role`,
          message: `tunnel ${j + 1} is '${tunnel.role}' on gateway IP ${
            tunnel.gatewayIp + 1
          }; the roles are fixed: tunnel 1 is the master on IP 1, tunnel 2 the slave on IP 2.`,
          fix: `'${expected.role}' on gateway IP ${expected.gatewayIp + 1}.`,
        });
      }
      if (tunnel.customerGatewayResourceName === '' || tunnel.presharedKeySecretArn === '') {
        violations.push({
          path: tunnelPath(i, j),
          message: `tunnel ${j + 1} of ${connection.name} has no ${
            tunnel.customerGatewayResourceName === '' ? 'customer gateway' : 'pre-shared key'
          }: it is not configured, so the connection runs on one tunnel.`,
          fix: 'a customer gateway and a key for both tunnels.',
        });
      }
    });
  });
  return violations;
}

export const AlibabaDualTunnel: Rule = {
  id: 'AlibabaDualTunnel',
  catalogue: ['C34'],
  level: 'error',
  summary: 'Alibaba connections are dual-tunnel: tunnel 1 master on IP 1, tunnel 2 slave on IP 2, both configured.',
  explanation: 'Seed 002 (Alibaba Cloud IPsec-VPN guide): an IPsec-VPN connection uses two tunnels on the two public IPs of the ' +
    'VPN gateway; tunnel 1 (IP 1) is the primary and tunnel 2 (IP 2) the standby, and the roles are fixed. Both tunnels ' +
    'must be configured, or the connection loses its active/standby redundancy and zone-level disaster recovery. The ' +
    'gateway takes two vSwitches, in different zones where the region has them (Alibaba, "Manage VPN gateway instances").',
  fix:
    'a gateway with vswitchId and a different disasterRecoveryVswitchId; every connection with tunnel 1 master and tunnel 2 slave, each with a customer gateway and a key.',
  // The plan: both vSwitches given (the schema) and distinct, so the gateway gets its second IP and tunnel 2.
  plan: ({ spec }) =>
    spec.alibaba === undefined || spec.alibaba.disasterRecoveryVswitchId !== spec.alibaba.vswitchId ? [] : [{
      path: 'alibaba.disasterRecoveryVswitchId',
      message: `is the same vSwitch as alibaba.vswitchId ('${spec.alibaba.vswitchId}'); tunnel 2 (IP 2, standby) needs a vSwitch of its own.`,
      fix: 'a second vSwitch of the VPC, in another zone where the region has two (in a single-zone region another vSwitch of the same zone).',
    }],
  alibaba: dualTunnel,
};
