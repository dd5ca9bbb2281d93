/**
 * Where the cdk-nag pack reads its template (issue 9): the synthesized template file the validation
 * context names, through public APIs only, as cdk-validator-cfnguard does; paths come back from the
 * construct tree. C01 (a misaligned inside CIDR) is the probe.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { App, Stack, Stage, Validations, type IPolicyValidationContext } from 'aws-cdk-lib';
import { MulticloudVpnChecks } from '../../lib/enforcement';
import { cfnViewFromTemplate } from '../../lib/enforcement/stack-view';
import { InsideCidrIsApipaSlash30 } from '../../lib/rules/inside-cidr/InsideCidrIsApipaSlash30';
import { handWrittenVpn } from './vpn-stacks';

const C01 = 'MultiCloudVpn-InsideCidrIsApipaSlash30';

/** A synthesized app with one compliant hand-written VPN, and its template file. */
function synthesized() {
  const app = new App();
  const stack = new Stack(app, 'Test');
  const connection = handWrittenVpn(stack, '169.254.21.0/30');
  const assembly = app.synth();
  return { app, stack, connection, templatePath: assembly.getStackArtifact(stack.artifactId).templateFullPath };
}

/** A validation context as aws-cdk-lib gives it, naming `templatePath` for the stack. */
function contextFor(app: App, stack: Stack, templatePath: string, withStackTemplates = true): IPolicyValidationContext {
  const stackTemplates = [{ stackConstructPath: stack.node.path, templatePath, accountId: undefined, region: undefined }];
  return { appConstruct: app, templatePaths: [templatePath], stackTemplates: withStackTemplates ? stackTemplates : (undefined as never) };
}

describe('MulticloudVpnChecks reads the synthesized template', () => {
  test('C01: findings follow the template file the context names, not the construct tree, and land on the construct', () => {
    const { app, stack, connection, templatePath } = synthesized();
    const pack = new MulticloudVpnChecks(undefined, { rules: [InsideCidrIsApipaSlash30] });
    expect(pack.validate(contextFor(app, stack, templatePath)).violations).toEqual([]);

    // The same stack's template with the CIDR changed on disk: the pack must report it.
    const template = JSON.parse(readFileSync(templatePath, 'utf8'));
    const logicalId = stack.resolve(connection.logicalId) as string;
    template.Resources[logicalId].Properties.VpnTunnelOptionsSpecifications[0].TunnelInsideCidr = '169.254.21.1/30';
    const changed = path.join(mkdtempSync(path.join(tmpdir(), 'mcvpn-template-')), 'Test.template.json');
    writeFileSync(changed, JSON.stringify(template));
    for (const withStackTemplates of [true, false]) {
      const context = withStackTemplates ? contextFor(app, stack, changed) : contextFor(app, stack, templatePath, false);
      if (!withStackTemplates) writeFileSync(templatePath, JSON.stringify(template)); // older context: templatePaths only
      const report = pack.validate(context);
      expect(report.success).toBe(false);
      expect(report.violations.map((v) => v.ruleName)).toEqual([C01]);
      expect(report.violations[0].violatingResources.map((r) => r.constructPath)).toEqual(['Test/Handwritten']);
      expect(report.violations[0].description).toContain("'169.254.21.1/30' has host bits set");
    }
  });

  test('C01: a stack the context does not name is left to its own validation run (no finding from the tree)', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    handWrittenVpn(stack, '169.254.21.1/30');
    const report = new MulticloudVpnChecks(undefined, { rules: [InsideCidrIsApipaSlash30] }).validate({
      appConstruct: app,
      templatePaths: [],
      stackTemplates: [],
    });
    expect(report.violations).toEqual([]);
  });

  test('C01: a stack inside a Stage is checked from its own template when the pack is on the app', () => {
    const app = new App();
    const stage = new Stage(app, 'Prod');
    handWrittenVpn(new Stack(stage, 'Network'), '169.254.21.1/30');
    Validations.of(app).addPlugins(new MulticloudVpnChecks(app, { rules: [InsideCidrIsApipaSlash30] }));
    expect(() => app.synth()).toThrow(/MultiCloudVpn-InsideCidrIsApipaSlash30[\s\S]*Prod\/Network\/Handwritten/);
    // The direct call (after synthesis) reads the stage's cloud assembly.
    const report = new MulticloudVpnChecks(undefined, { rules: [InsideCidrIsApipaSlash30] }).validateScope(app);
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.constructPath)])).toEqual([[C01, [
      'Prod/Network/Handwritten',
    ]]]);
  });
});

describe('cfnViewFromTemplate', () => {
  test('maps overridden logical ids back to their constructs; a resource with no construct keeps its logical id as path', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    const connection = handWrittenVpn(stack, '169.254.21.0/30');
    connection.overrideLogicalId('MyConnection');
    const template = app.synth().getStackArtifact(stack.artifactId).template;
    const { view, resources } = cfnViewFromTemplate(stack, {
      Resources: { ...template.Resources, Extra: { Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1' } } },
    });
    expect(view.resources.find((r) => r.logicalId === 'MyConnection')?.path).toBe('Test/Handwritten');
    expect(resources.get('Test/Handwritten')).toBe(connection);
    expect(view.resources.find((r) => r.logicalId === 'Extra')?.path).toBe('Extra');
    expect(view.resources.map((r) => r.logicalId)).toEqual(Object.keys(template.Resources).concat('Extra'));
  });

  test('the pack uses no internal aws-cdk-lib member (no `._name(` call) in its source', () => {
    const source = readFileSync(path.join(__dirname, '../../lib/enforcement/nag-pack.ts'), 'utf8');
    expect(source).not.toMatch(/\._[A-Za-z]\w*\(/);
    expect(source).not.toContain('cfnViewFromStack');
  });
});
