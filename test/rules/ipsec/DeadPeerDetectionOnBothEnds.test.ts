import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { DeadPeerDetectionOnBothEnds } from '../../../lib/rules/ipsec/DeadPeerDetectionOnBothEnds';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView, peerModeConnection, synthView } from '../fixtures';

const rule = [DeadPeerDetectionOnBothEnds];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === DeadPeerDetectionOnBothEnds.id);

/** One VPN connection with the given tunnel options (StartupAction start unless given), to a customer gateway tagged with `peerMode`. */
function connection(stack: Stack, peerMode: string | undefined, specs: ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty[]): void {
  peerModeConnection(stack, peerMode, specs.map((spec) => ({ startupAction: 'start', ...spec })));
}
const cfnFindings = (peerMode: string | undefined, specs: ec2.CfnVPNConnection.VpnTunnelOptionsSpecificationProperty[]) =>
  checkCfn(synthView((s) => connection(s, peerMode, specs)), rule);

describe('DeadPeerDetectionOnBothEnds', () => {
  test('C21: the default plan (30 s, restart) and the bounds 30 and 3600 have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(ofRule({ ipsec: { dpdTimeoutSeconds: 3600 } })).toEqual([]);
  });

  test('C21: below AWS minimum 30 s is an error (CloudFormation refuses it), not a mere warning', () => {
    const findings = ofRule({ ipsec: { dpdTimeoutSeconds: 10 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: 'ipsec.dpdTimeoutSeconds',
      ruleId: 'DeadPeerDetectionOnBothEnds',
      catalogue: ['C21', 'C20'],
      level: 'error',
    });
    expect(findings[0].message).toContain('10 s');
    expect(findings[0].fix).toContain('30–3600');
  });

  test("C21: above Azure's maximum 3600 s is an error", () => {
    const findings = ofRule({ ipsec: { dpdTimeoutSeconds: 3601 } });
    expect(findings.map((f) => f.level)).toEqual(['error']);
    expect(findings[0].message).toContain('Azure');
  });

  test.each(['clear', 'none'])("C20, C21: DPD action '%s' facing a ResponderOnly Azure connection is an error: nobody restarts IKE", (action) => {
    const result = validatePlan({ ipsec: { dpdTimeoutAction: action } });
    const findings = result.findings.filter((f) => f.ruleId === DeadPeerDetectionOnBothEnds.id);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'ipsec.dpdTimeoutAction', level: 'error', catalogue: ['C21', 'C20'] });
    expect(findings[0].message).toContain(`'${action}'`);
    expect(findings[0].message).toContain('never initiates');
    expect(findings[0].fix).toContain("'restart'");
    expect(result.plan).toBeUndefined();
  });

  test("C20, C21: 'restart' with ResponderOnly, or any action when Azure initiates (Default), has no finding", () => {
    expect(ofRule({ ipsec: { dpdTimeoutAction: 'restart' }, azure: { connectionMode: 'ResponderOnly' } })).toEqual([]);
    expect(ofRule({ ipsec: { dpdTimeoutAction: 'clear' }, azure: { connectionMode: 'Default' } })).toEqual([]);
    expect(ofRule({ ipsec: { dpdTimeoutAction: 'none' }, azure: { connectionMode: 'Default' } })).toEqual([]);
  });

  test("C20, C21: cfn: a tunnel facing a customer gateway tagged ResponderOnly with 'clear', 'none' or no DPDTimeoutAction (AWS default clear) is an error per tunnel", () => {
    const findings = cfnFindings('ResponderOnly', [{ dpdTimeoutAction: 'none' }, {}]);
    expect(findings.map((f) => [f.path, f.level])).toEqual([['Connection', 'error'], ['Connection', 'error']]);
    expect(findings[0].message).toContain("VpnTunnelOptionsSpecifications[0].DPDTimeoutAction is 'none'");
    expect(findings[1].message).toContain("VpnTunnelOptionsSpecifications[1].DPDTimeoutAction is absent (AWS default 'clear')");
    expect(findings[1].fix).toContain("'restart'");
    expect(cfnFindings('ResponderOnly', [{ dpdTimeoutAction: 'clear' }, { dpdTimeoutAction: 'restart' }]).map((f) => f.message))
      .toEqual([expect.stringContaining("[0].DPDTimeoutAction is 'clear'")]);
  });

  test("C20, C21: cfn: 'restart' facing ResponderOnly, and any valid action facing an initiating or unknown peer, pass", () => {
    expect(cfnFindings('ResponderOnly', [{ dpdTimeoutAction: 'restart' }, { dpdTimeoutAction: 'restart' }])).toEqual([]);
    expect(cfnFindings('Default', [{ dpdTimeoutAction: 'clear' }, {}])).toEqual([]);
    expect(cfnFindings(undefined, [{ dpdTimeoutAction: 'none' }, {}])).toEqual([]);
  });

  test('C21: cfn: DPDTimeoutSeconds below 30 and an action AWS does not know are errors; 30 passes', () => {
    const findings = cfnFindings(undefined, [{ dpdTimeoutSeconds: 29 }, { dpdTimeoutAction: 'reconnect', dpdTimeoutSeconds: 30 }]);
    expect(findings.map((f) => f.level)).toEqual(['error', 'error']);
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[0].DPDTimeoutSeconds is 29; AWS requires at least 30');
    expect(findings[1].message).toContain('VpnTunnelOptionsSpecifications[1].DPDTimeoutAction is "reconnect", which AWS does not accept');
    expect(findings[1].fix).toContain('clear, none, restart');
    expect(cfnFindings(undefined, [{ dpdTimeoutSeconds: 30 }, { dpdTimeoutSeconds: 3600 }])).toEqual([]);
  });

  test('C20, C21: azure: ResponderOnly connections while the AWS tunnels clear on DPD timeout are an error per connection', () => {
    const view = compliantAzureView();
    expect(checkAzure(view, rule)).toEqual([]);
    const findings = checkAzure({ ...view, awsPeer: { ...view.awsPeer, dpdTimeoutAction: 'clear' } }, rule);
    expect(findings.map((f) => [f.path, f.level])).toEqual(view.connections.map((c) => [`connection ${c.name}.connectionMode`, 'error']));
    expect(findings[0].fix).toContain("'restart'");
    const initiating = {
      ...view,
      connections: view.connections.map((c) => ({ ...c, connectionMode: 'Default' })),
      awsPeer: { ...view.awsPeer, dpdTimeoutAction: 'clear' },
    };
    expect(checkAzure(initiating, rule)).toEqual([]);
  });
});
