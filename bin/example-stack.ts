/**
 * The example app's AWS half, importable: its VPC, `AzureVpnConnections` on a plan, and the checks
 * it synthesizes under. bin/app.ts reads context and files and builds this; the benchmarks and the
 * enforcement tests build the same stack, so what they measure and check is the app's own layout.
 */
import { Annotations, App, CfnParameter, CfnRule, Fn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { AzureVpnConnections } from '../lib/aws-entry';
import { MulticloudVpnChecks, VpnRulesAspect } from '../lib/enforcement';
import type { ResolvedPlan } from '../lib/plan';
import { formatFinding, type Finding } from '../lib/core/finding';
import { exampleVpc } from './example-vpc';

export { exampleVpc };

/** The stack name of the example app (`cdk synth` writes `MulticloudVpnAws.template.json`). */
export const EXAMPLE_STACK_NAME = 'MulticloudVpnAws';

const AZURE_OUTPUTS_FIX = '-c azureOutputs=<file from `pulumi stack output --json`>';
/** Dotted-quad IPv4, octets 0-255; whether it is public is checked when the file is read. */
const IPV4_PATTERN = '^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$';

/**
 * Our Aspect (its errors stop `cdk synth`/`deploy`), our cdk-nag pack and cdk-nag's AwsSolutions
 * checks on the whole app: a finding fails synthesis.
 */
export function enableExampleChecks(app: App): void {
  VpnRulesAspect.enable(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new MulticloudVpnChecks(app));
}

export interface ExampleStackProps extends StackProps {
  /** The plan the VPC and the VPN connections are built from. */
  readonly plan: ResolvedPlan;
  /**
   * Public IPs of Azure gateway instances 0 and 1.
   * @default two CfnParameters with no default, so the template is for review only (see `azureIpParameters`)
   */
  readonly azureGatewayPublicIps?: readonly [string, string];
  /**
   * Findings of the plan's validation (warnings: errors leave no plan), shown as synthesis warnings.
   * @default none
   */
  readonly planFindings?: readonly Finding[];
}

/** The example app's stack: `exampleVpc` and `AzureVpnConnections` on `plan`. */
export class ExampleStack extends Stack {
  readonly vpc: ec2.Vpc;
  readonly vpn: AzureVpnConnections;

  constructor(scope: Construct, id: string, props: ExampleStackProps) {
    const { plan, azureGatewayPublicIps, planFindings = [], ...stackProps } = props;
    super(scope, id, {
      description: plan.alibaba === undefined
        ? `multicloud-vpn: AWS half of plan ${plan.name} (BGP active/active VPN to Azure)`
        : `multicloud-vpn: AWS half of plan ${plan.name} (BGP dual-tunnel VPN to Alibaba Cloud)`,
      ...stackProps,
    });
    for (const finding of planFindings) Annotations.of(this).addWarningV2(`multicloud-vpn:${finding.ruleId}`, formatFinding(finding));
    this.vpc = exampleVpc(this, plan.aws.vpcCidr);
    this.vpn = new AzureVpnConnections(this, 'AzureVpn', {
      plan,
      vpc: this.vpc,
      azureGatewayPublicIps: azureGatewayPublicIps ?? this.azureIpParameters(),
    });
    if (plan.aws.target.kind === 'tgw') this.acknowledgePublicRouteTables();
  }

  /**
   * With a transit gateway the routes to Azure go where the plan chooses (aws.target.vpcAttachment.subnets,
   * private by default); the example VPC's public subnets, for bastions and tests, keep their internet
   * route only. C28 warns about them; acknowledged here, on the example's own VPC, with the reason.
   */
  private acknowledgePublicRouteTables(): void {
    for (const subnet of this.vpc.publicSubnets) {
      Validations.of(subnet.node.findChild('RouteTable')).acknowledge({
        id: 'MultiCloudVpn-RouteTablesRouteToVpnGateway',
        reason: "The example VPC's public subnets are for bastions and tests and are not meant to reach Azure; the plan " +
          'routes its chosen subnets (aws.target.vpcAttachment.subnets) to the transit gateway (C28).',
      });
    }
  }

  /**
   * Without Azure outputs the template still synthesizes, for review, but cannot be deployed by
   * mistake: the two IPs become parameters with no default (CloudFormation refuses a deploy without
   * them), an IPv4 AllowedPattern, and a Rules assertion that they differ, whose message and the
   * parameters' descriptions say to synthesize again with the outputs; synthesis also warns.
   */
  private azureIpParameters(): [string, string] {
    const parameters = ([0, 1] as const).map((instance) =>
      new CfnParameter(this, `AzureGatewayInstance${instance}PublicIp`, {
        type: 'String',
        allowedPattern: IPV4_PATTERN,
        constraintDescription: `a public IPv4 address; synthesize with ${AZURE_OUTPUTS_FIX} instead of typing it`,
        description: `Public IP of Azure VPN gateway instance ${instance}. Not set because the template was synthesized ` +
          `without Azure outputs: synthesize again with ${AZURE_OUTPUTS_FIX}.`,
      })
    );
    new CfnRule(this, 'AzureGatewayIpsGiven', {
      assertions: [{
        assert: Fn.conditionNot(Fn.conditionEquals(parameters[0].valueAsString, parameters[1].valueAsString)),
        assertDescription: `The two Azure gateway instances need two distinct public IPs (C15). Synthesize with ${AZURE_OUTPUTS_FIX}.`,
      }],
    });
    Annotations.of(this).addWarningV2(
      'multicloud-vpn:no-azure-outputs',
      `No Azure gateway IPs: the template needs parameters AzureGatewayInstance0PublicIp and AzureGatewayInstance1PublicIp ` +
        `and is meant for review only. Pass ${AZURE_OUTPUTS_FIX} to build a deployable template.`,
    );
    return [parameters[0].valueAsString, parameters[1].valueAsString];
  }
}
