import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { mustParseIpv4Cidr, overlaps, contains } from '../../../lib/core/address';
import { checkCfn } from '../../../lib/check/registry';
import { SecurityRulesAdmitPeerCidrs } from '../../../lib/rules/routing/SecurityRulesAdmitPeerCidrs';
import { deniedTcpPorts, type AclEntry } from '../../../lib/check/views/security';
import { AZURE_VNET_CIDR, privateSubnetsAcl, vpnVpc } from '../../enforcement/vpn-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [SecurityRulesAdmitPeerCidrs]);
const AZURE = ec2.AclCidr.ipv4(AZURE_VNET_CIDR);

describe('C30 SecurityRulesAdmitPeerCidrs: security groups', () => {
  test('C30: a security group admitting the Azure VNet passes; one admitting only the VPC CIDR is warned', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack);
        new ec2.SecurityGroup(stack, 'FromAzure', { vpc }).addIngressRule(ec2.Peer.ipv4(AZURE_VNET_CIDR), ec2.Port.tcp(443));
        new ec2.SecurityGroup(stack, 'FromVpcOnly', { vpc }).addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443));
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', catalogue: ['C30'] });
    expect(findings[0].path).toMatch(/^FromVpcOnly/);
    expect(findings[0].message).toContain(`admits 10.0.0.0/16 but not the Azure VNet ${AZURE_VNET_CIDR}`);
  });

  test('C30: a group without address-based ingress is not concerned', () => {
    const findings = check(synthView((stack) => new ec2.SecurityGroup(stack, 'NoIngress', { vpc: vpnVpc(stack) })));
    expect(findings).toEqual([]);
  });

  test('C30: restricted egress with nothing towards Azure is warned; an egress rule to Azure fixes it', () => {
    const broken = check(synthView((stack) => new ec2.SecurityGroup(stack, 'Closed', { vpc: vpnVpc(stack), allowAllOutbound: false })));
    expect(broken).toHaveLength(1);
    expect(broken[0].message).toContain('egress is restricted');

    const fixed = check(
      synthView((stack) => {
        const group = new ec2.SecurityGroup(stack, 'Closed', { vpc: vpnVpc(stack), allowAllOutbound: false });
        group.addEgressRule(ec2.Peer.ipv4(AZURE_VNET_CIDR), ec2.Port.allTcp());
      }),
    );
    expect(fixed).toEqual([]);
  });

  test('C30: without the remote-cidrs tag nothing can be checked', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack, { tagRemoteCidrs: false });
        new ec2.SecurityGroup(stack, 'FromVpcOnly', { vpc }).addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443));
      }),
    );
    expect(findings).toEqual([]);
  });
});

describe('C30 SecurityRulesAdmitPeerCidrs: network ACLs', () => {
  test('C30: an ACL allowing the Azure VNet both ways on all TCP passes', () => {
    const findings = check(
      synthView((stack) => {
        const acl = privateSubnetsAcl(stack, vpnVpc(stack));
        acl.addEntry('In', { ruleNumber: 100, cidr: AZURE, traffic: ec2.AclTraffic.allTraffic(), direction: ec2.TrafficDirection.INGRESS });
        acl.addEntry('Out', { ruleNumber: 100, cidr: AZURE, traffic: ec2.AclTraffic.tcpPortRange(0, 65535), direction: ec2.TrafficDirection.EGRESS });
      }),
    );
    expect(findings).toEqual([]);
  });

  test('C30: an ACL admitting only TCP 443 from Azure is warned for the return traffic 1024–65535', () => {
    const findings = check(
      synthView((stack) => {
        const acl = privateSubnetsAcl(stack, vpnVpc(stack));
        acl.addEntry('In', { ruleNumber: 100, cidr: AZURE, traffic: ec2.AclTraffic.tcpPort(443), direction: ec2.TrafficDirection.INGRESS });
        acl.addEntry('Out', { ruleNumber: 100, cidr: AZURE, traffic: ec2.AclTraffic.allTraffic(), direction: ec2.TrafficDirection.EGRESS });
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toMatch(/^PrivateAcl/);
    expect(findings[0].message).toContain(`denies TCP ports 1024–65535 from ${AZURE_VNET_CIDR} (inbound)`);
  });

  test('C30: a lower-numbered deny shadows a later allow (rule order), and an empty ACL denies everything', () => {
    const shadowed = check(
      synthView((stack) => {
        const acl = privateSubnetsAcl(stack, vpnVpc(stack));
        acl.addEntry('Deny', {
          ruleNumber: 50,
          cidr: ec2.AclCidr.ipv4('10.1.2.0/24'),
          traffic: ec2.AclTraffic.tcpPortRange(2000, 3000),
          direction: ec2.TrafficDirection.INGRESS,
          ruleAction: ec2.Action.DENY,
        });
        acl.addEntry('In', { ruleNumber: 100, cidr: AZURE, traffic: ec2.AclTraffic.allTraffic(), direction: ec2.TrafficDirection.INGRESS });
        acl.addEntry('Out', { ruleNumber: 100, cidr: AZURE, traffic: ec2.AclTraffic.allTraffic(), direction: ec2.TrafficDirection.EGRESS });
      }),
    );
    expect(shadowed).toHaveLength(1);
    expect(shadowed[0].message).toContain('denies TCP ports 2000–3000 from');

    const empty = check(synthView((stack) => privateSubnetsAcl(stack, vpnVpc(stack))));
    expect(empty).toHaveLength(1);
    expect(empty[0].message).toContain(`denies all TCP from ${AZURE_VNET_CIDR} (inbound)`);
    expect(empty[0].message).toContain(`denies all TCP to ${AZURE_VNET_CIDR} (outbound)`);
  });
});

describe('C30 deniedTcpPorts (network ACL evaluation)', () => {
  const peer = mustParseIpv4Cidr('10.1.0.0/16');
  const matches = { allow: (c: typeof peer) => contains(c, peer), deny: (c: typeof peer) => overlaps(c, peer) };
  const entry = (ruleNumber: number, allow: boolean, cidr: string, ports: [number, number], protocol = 6): AclEntry => ({
    ruleNumber,
    allow,
    egress: false,
    protocol,
    cidr: mustParseIpv4Cidr(cidr),
    ports,
  });

  test('C30: the first matching entry decides each port: a deny before a broad allow keeps its ports denied', () => {
    const entries = [entry(100, false, '10.1.0.0/16', [1024, 2047]), entry(200, true, '0.0.0.0/0', [0, 65535])];
    expect(deniedTcpPorts(entries, false, [1024, 65535], matches)).toEqual([[1024, 2047]]);
    // The same allow first: nothing is left for the deny.
    expect(deniedTcpPorts([...entries].reverse(), false, [1024, 65535], matches)).toEqual([]);
  });

  test('C30: an allow covering only part of the peer does not admit it; UDP entries do not count for TCP', () => {
    const entries = [entry(100, true, '10.1.0.0/17', [0, 65535]), entry(110, true, '10.1.0.0/16', [0, 65535], 17)];
    expect(deniedTcpPorts(entries, false, [1024, 65535], matches)).toEqual([[1024, 65535]]);
  });
});
