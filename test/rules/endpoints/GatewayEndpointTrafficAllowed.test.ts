import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { GatewayEndpointTrafficAllowed } from '../../../lib/rules/endpoints/GatewayEndpointTrafficAllowed';
import { checkCfn } from '../../../lib/check/registry';
import { privateSubnetsAcl, vpnVpc } from '../../enforcement/vpn-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [GatewayEndpointTrafficAllowed]);
const withS3 = { gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } } };
/** The S3 prefix list of us-east-1, a documented example id. */
const S3_PREFIX_LIST = 'pl-63a5400a';

describe('C32 GatewayEndpointTrafficAllowed: security groups', () => {
  test('C32: a group with restricted egress and no rule to the prefix list is warned', () => {
    const findings = check(synthView((stack) => new ec2.SecurityGroup(stack, 'Closed', { vpc: vpnVpc(stack, withS3), allowAllOutbound: false })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', catalogue: ['C32'] });
    expect(findings[0].path).toMatch(/^Closed/);
    expect(findings[0].message).toContain('allows no TCP 443 to the s3 prefix list');
  });

  test('C32: egress to the prefix list on TCP 443 passes; on another port it does not', () => {
    const ok = check(
      synthView((stack) => {
        const group = new ec2.SecurityGroup(stack, 'Closed', { vpc: vpnVpc(stack, withS3), allowAllOutbound: false });
        group.addEgressRule(ec2.Peer.prefixList(S3_PREFIX_LIST), ec2.Port.tcp(443));
      }),
    );
    expect(ok).toEqual([]);
    const wrongPort = check(
      synthView((stack) => {
        const group = new ec2.SecurityGroup(stack, 'Closed', { vpc: vpnVpc(stack, withS3), allowAllOutbound: false });
        group.addEgressRule(ec2.Peer.prefixList(S3_PREFIX_LIST), ec2.Port.tcp(80));
      }),
    );
    expect(wrongPort).toHaveLength(1);
  });

  test('C32: the default all-outbound group and a VPC without gateway endpoint are not concerned', () => {
    expect(check(synthView((stack) => new ec2.SecurityGroup(stack, 'Open', { vpc: vpnVpc(stack, withS3) })))).toEqual([]);
    expect(check(synthView((stack) => new ec2.SecurityGroup(stack, 'Closed', { vpc: vpnVpc(stack), allowAllOutbound: false })))).toEqual([]);
  });
});

describe('C32 GatewayEndpointTrafficAllowed: network ACLs', () => {
  test('C32: an ACL allowing only the private ranges blocks HTTPS out and the return traffic', () => {
    const findings = check(
      synthView((stack) => {
        const acl = privateSubnetsAcl(stack, vpnVpc(stack, withS3));
        for (const direction of [ec2.TrafficDirection.INGRESS, ec2.TrafficDirection.EGRESS]) {
          acl.addEntry(`Private${direction}`, {
            ruleNumber: 100,
            cidr: ec2.AclCidr.ipv4('10.0.0.0/8'),
            traffic: ec2.AclTraffic.allTraffic(),
            direction,
          });
        }
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toMatch(/^PrivateAcl/);
    expect(findings[0].message).toContain('denies TCP 443 outbound to s3');
    expect(findings[0].message).toContain('denies the return traffic from s3 on TCP ports 1024–65535');
  });

  test('C32: allowing TCP 443 out and 1024–65535 in passes', () => {
    const findings = check(
      synthView((stack) => {
        const acl = privateSubnetsAcl(stack, vpnVpc(stack, withS3));
        acl.addEntry('HttpsOut', {
          ruleNumber: 100,
          cidr: ec2.AclCidr.anyIpv4(),
          traffic: ec2.AclTraffic.tcpPort(443),
          direction: ec2.TrafficDirection.EGRESS,
        });
        acl.addEntry('ReturnIn', {
          ruleNumber: 100,
          cidr: ec2.AclCidr.anyIpv4(),
          traffic: ec2.AclTraffic.tcpPortRange(1024, 65535),
          direction: ec2.TrafficDirection.INGRESS,
        });
      }),
    );
    expect(findings).toEqual([]);
  });
});
