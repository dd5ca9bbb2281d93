/**
 * The example app's VPC, apart from bin/example-stack.ts so that the benchmarks' hand-written
 * comparator (bench/hand-written-stack.ts) builds the same VPC without loading the library.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * The example VPC, a cheap test rig: two AZs, public and isolated subnets, no NAT gateway. Traffic
 * to Azure leaves through the VPN gateway, not a NAT, so isolated subnets reach Azure by route
 * propagation; the construct propagates to every subnet when the VPC has no private-with-egress
 * subnets. Public subnets stay for bastions or tests.
 */
export function exampleVpc(scope: Construct, vpcCidr: string, id = 'Vpc'): ec2.Vpc {
  return new ec2.Vpc(scope, id, {
    ipAddresses: ec2.IpAddresses.cidr(vpcCidr),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
    ],
    // Flow logs (AwsSolutions-VPC7) show whether traffic from Azure arrives and is accepted: the first
    // thing to look at when BGP is up but hosts do not answer. A test rig's traffic is small, so
    // CloudWatch Logs with a month's retention costs little; the logs go with the stack.
    flowLogs: {
      All: {
        destination: ec2.FlowLogDestination.toCloudWatchLogs(
          new logs.LogGroup(scope, `${id}FlowLogs`, {
            retention: logs.RetentionDays.ONE_MONTH,
            removalPolicy: RemovalPolicy.DESTROY,
          }),
        ),
        trafficType: ec2.FlowLogTrafficType.ALL,
      },
    },
  });
}
