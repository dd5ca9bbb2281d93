#!/usr/bin/env node
/**
 * The AWS half as a CDK app: `npx cdk synth` builds stack `MulticloudVpnAws` from `vpn-plan.json`.
 *
 *   -c plan=<file>          another plan file (default vpn-plan.json)
 *   -c azureOutputs=<file>  the Azure gateway IPs, from `pulumi stack output --json > <file>`
 *
 * Without azureOutputs the template still synthesizes, for review, but cannot be deployed by mistake:
 * the two Azure IPs become CfnParameters with no default (CloudFormation refuses a deploy without
 * them), an AllowedPattern for IPv4, and a Rules assertion that they differ, whose message and the
 * parameters' descriptions say to synthesize again with `-c azureOutputs=<file>`; synthesis also
 * prints a warning. Environment-agnostic: no credentials or lookups needed.
 *
 * Synthesis runs the documented rules twice over (our Aspect, whose errors stop `cdk synth`/`deploy`,
 * and our cdk-nag pack) and cdk-nag's AwsSolutions checks; a finding fails synthesis. The construct
 * acknowledges its own AwsSolutions findings with reasons, so only this app's VPC is handled here.
 */
import { App, CfnParameter, CfnRule, Fn, RemovalPolicy, Stack, Annotations, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AzureVpnConnections } from '../lib/aws';
import { MulticloudVpnChecks, VpnRulesAspect } from '../lib/enforcement';
import { AzureOutputsError, readAzureOutputs } from '../lib/handoff/azure-outputs';
import { validatePlanFile } from '../lib/plan/file';
import { formatFinding } from '../lib/rules/types';

const STACK_NAME = 'MulticloudVpnAws';
const AZURE_OUTPUTS_FIX = '-c azureOutputs=<file from `pulumi stack output --json`>';
/** Dotted-quad IPv4, octets 0-255; whether it is public is checked when the file is read. */
const IPV4_PATTERN = '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$';

/** Prints to stderr and exits 1: a bad input file is the user's to fix, a stack trace would only hide the message. */
function fail(lines: readonly string[]): never {
  process.stderr.write(lines.join('\n') + '\n');
  process.exit(1);
}

const app = new App();
VpnRulesAspect.enable(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new MulticloudVpnChecks(app));
const planFile = String(app.node.tryGetContext('plan') ?? 'vpn-plan.json');
const azureOutputsFile = app.node.tryGetContext('azureOutputs') as string | undefined;

const planResult = validatePlanFile(planFile);
if (!planResult.plan) {
  const errors = planResult.findings.filter((f) => f.level === 'error').length;
  fail([`${planFile} is invalid: ${errors} error(s)`, ...planResult.findings.map(formatFinding)]);
}
const plan = planResult.plan;

let azureIps: readonly [string, string] | undefined;
if (azureOutputsFile !== undefined) {
  try {
    azureIps = readAzureOutputs(String(azureOutputsFile)).gatewayPublicIps;
  } catch (e) {
    if (e instanceof AzureOutputsError) fail([e.message]);
    throw e;
  }
}

const stack = new Stack(app, STACK_NAME, {
  description: `multicloud-vpn: AWS half of plan ${plan.name} (BGP active/active VPN to Azure)`,
});
for (const finding of planResult.findings) Annotations.of(stack).addWarningV2(`multicloud-vpn:${finding.ruleId}`, formatFinding(finding));

/** The Azure IPs as parameters that block a deploy until given (see the file comment). */
function azureIpParameters(): [string, string] {
  const parameters = ([0, 1] as const).map((instance) => new CfnParameter(stack, `AzureGatewayInstance${instance}PublicIp`, {
    type: 'String',
    allowedPattern: IPV4_PATTERN,
    constraintDescription: `a public IPv4 address; synthesize with ${AZURE_OUTPUTS_FIX} instead of typing it`,
    description: `Public IP of Azure VPN gateway instance ${instance}. Not set because the template was synthesized ` +
      `without Azure outputs: synthesize again with ${AZURE_OUTPUTS_FIX}.`,
  }));
  new CfnRule(stack, 'AzureGatewayIpsGiven', {
    assertions: [{
      assert: Fn.conditionNot(Fn.conditionEquals(parameters[0].valueAsString, parameters[1].valueAsString)),
      assertDescription: `The two Azure gateway instances need two distinct public IPs (C15). Synthesize with ${AZURE_OUTPUTS_FIX}.`,
    }],
  });
  Annotations.of(stack).addWarningV2('multicloud-vpn:no-azure-outputs',
    `No Azure gateway IPs: the template needs parameters AzureGatewayInstance0PublicIp and AzureGatewayInstance1PublicIp ` +
    `and is meant for review only. Pass ${AZURE_OUTPUTS_FIX} to build a deployable template.`);
  return [parameters[0].valueAsString, parameters[1].valueAsString];
}

// Cheap test rig: no NAT gateway. Traffic to Azure leaves through the VPN gateway, not a NAT, so
// isolated subnets reach Azure by route propagation; the construct propagates to every subnet
// when the VPC has no private-with-egress subnets. Public subnets stay for bastions or tests.
const vpc = new ec2.Vpc(stack, 'Vpc', {
  ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr),
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
      destination: ec2.FlowLogDestination.toCloudWatchLogs(new logs.LogGroup(stack, 'VpcFlowLogs', {
        retention: logs.RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      })),
      trafficType: ec2.FlowLogTrafficType.ALL,
    },
  },
});

new AzureVpnConnections(stack, 'AzureVpn', {
  plan,
  vpc,
  azureGatewayPublicIps: azureIps ?? azureIpParameters(),
});
