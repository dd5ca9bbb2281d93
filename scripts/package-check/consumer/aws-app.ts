/**
 * A consumer of the installed package (scripts/package-check): an app with its OWN aws-cdk-lib (an
 * older 2.x than the repo's), its own VPC handed to the construct, the rules Aspect and the cdk-nag
 * pack. Type-checked under moduleResolution node10, node16 and bundler; compiled and run to synthesize.
 * Prints what it saw as one JSON line (mode `nag`: fails synthesis); the check script asserts on it.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { planVpn } from 'multicloud-vpn';
import { AzureVpnConnections, MulticloudVpnChecks, VpnRulesAspect, type AzureVpnConnectionsProps } from 'multicloud-vpn/aws';

const AZURE_IPS: readonly [string, string] = ['20.10.0.1', '20.10.0.2'];

/** An app holding the consumer's VPC, the VPN construct and, when given, a hand-written VPN connection. */
function consumerApp(outdir: string, handWrittenInsideCidr?: string): { app: App; stack: Stack; } {
  const app = new App({ outdir });
  const stack = new Stack(app, 'ConsumerStack');
  const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.2.0.0/16'), maxAzs: 2, natGateways: 1 });
  // Every subnet learns the Azure routes: a route table without them is a C28 warning, and the cdk-nag
  // pack's warnings fail synthesis like its errors (until acknowledged).
  const props: AzureVpnConnectionsProps = {
    plan: planVpn({ name: 'consumer' }),
    vpc,
    azureGatewayPublicIps: AZURE_IPS,
    routePropagationSubnets: { subnets: [...vpc.publicSubnets, ...vpc.privateSubnets] },
  };
  new AzureVpnConnections(stack, 'Vpn', props);
  if (handWrittenInsideCidr) {
    // C01: not the construct's, so only the Aspect or the pack can catch it.
    const vgw = new ec2.CfnVPNGateway(stack, 'HandVgw', { type: 'ipsec.1', amazonSideAsn: 64600 });
    const cgw = new ec2.CfnCustomerGateway(stack, 'HandCgw', { bgpAsn: 65515, ipAddress: '20.10.0.9', type: 'ipsec.1' });
    new ec2.CfnVPNConnection(stack, 'Handwritten', {
      customerGatewayId: cgw.ref,
      vpnGatewayId: vgw.ref,
      type: 'ipsec.1',
      staticRoutesOnly: false,
      vpnTunnelOptionsSpecifications: [{ tunnelInsideCidr: handWrittenInsideCidr }, { tunnelInsideCidr: '169.254.30.0/30' }],
    });
  }
  return { app, stack };
}

/** The types are the package's own (an `any` would accept these). */
export function typeErrorsCaught(vpc: ec2.IVpc): void {
  // @ts-expect-error two Azure gateway IPs are required (one per instance)
  const oneIp: AzureVpnConnectionsProps = { plan: planVpn(), vpc, azureGatewayPublicIps: ['20.10.0.1'] };
  // @ts-expect-error the plan is a resolved plan, not its input
  const rawPlan: AzureVpnConnectionsProps = { plan: { name: 'x' }, vpc, azureGatewayPublicIps: AZURE_IPS };
  void oneIp;
  void rawPlan;
}

function errorsOf(app: App, stack: Stack): string[] {
  const assembly = app.synth();
  return assembly.getStackArtifact(stack.artifactId).messages.filter((m) => m.level === 'error').map((m) => String(m.entry.data));
}

const [outRoot, mode] = process.argv.slice(2);

if (mode === 'nag') {
  // A hand-written connection with a bad inside CIDR under the cdk-nag pack: synthesis fails. How it
  // fails is aws-cdk-lib's: a thrown error in recent 2.x, the report and exit code 1 in older ones.
  const nagApp = consumerApp(`${outRoot}/nag`, '169.254.21.1/30');
  Validations.of(nagApp.app).addPlugins(new MulticloudVpnChecks(nagApp.app));
  nagApp.app.synth();
} else {
  // The documented VPN in the consumer's VPC, with the Aspect and the cdk-nag pack: synthesizes clean.
  const good = consumerApp(`${outRoot}/good`);
  VpnRulesAspect.enable(good.app);
  Validations.of(good.app).addPlugins(new MulticloudVpnChecks(good.app));
  const goodErrors = errorsOf(good.app, good.stack);
  const resources = Object.values(good.app.synth().getStackArtifact(good.stack.artifactId).template.Resources as Record<string, { Type: string; }>);
  const count = (type: string) => resources.filter((r) => r.Type === type).length;

  // The same hand-written connection under the Aspect: an error annotation on it.
  const aspectApp = consumerApp(`${outRoot}/aspect`, '169.254.21.1/30');
  VpnRulesAspect.enable(aspectApp.app);
  const aspectErrors = errorsOf(aspectApp.app, aspectApp.stack);

  process.stdout.write(`${
    JSON.stringify({
      goodErrors,
      vpnConnections: count('AWS::EC2::VPNConnection'),
      customerGateways: count('AWS::EC2::CustomerGateway'),
      aspectErrors,
    })
  }\n`);
}
