import type { Stack } from 'aws-cdk-lib';
import { validatePlan } from '../../../lib/check/validate';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { TunnelHasInitiator } from '../../../lib/rules/ipsec/TunnelHasInitiator';
import { compliantAzureView, peerModeConnection, synthView } from '../fixtures';

const rule = [TunnelHasInitiator];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === TunnelHasInitiator.id);

/** One VPN connection whose tunnels have the given StartupActions, to a customer gateway tagged with `peerMode`. */
function connection(stack: Stack, peerMode: string | undefined, startupActions?: (string | undefined)[]): void {
  peerModeConnection(stack, peerMode, startupActions?.map((startupAction) => ({ startupAction })));
}

describe('TunnelHasInitiator', () => {
  test('C20: the default plan (start / ResponderOnly) and the compliant view have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(ofRule({ aws: { startupAction: 'add' }, azure: { connectionMode: 'Default' } })).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test("C20: startupAction 'add' with a ResponderOnly Azure connection is a plan error", () => {
    const findings = ofRule({ aws: { startupAction: 'add' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.startupAction', ruleId: 'TunnelHasInitiator', catalogue: ['C20'], level: 'error' });
    expect(findings[0].message).toContain("'add' while azure.connectionMode is 'ResponderOnly'");
    expect(findings[0].fix).toContain("'start'");
  });

  test("C20: a ResponderOnly peer with StartupAction 'start' on both tunnels passes", () => {
    expect(checkCfn(synthView((s) => connection(s, 'ResponderOnly', ['start', 'start'])), rule)).toEqual([]);
  });

  test('C20: a ResponderOnly peer with a tunnel left at the default is an error per tunnel', () => {
    const findings = checkCfn(synthView((s) => connection(s, 'ResponderOnly', ['start', undefined])), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Connection', level: 'error' });
    expect(findings[0].message).toContain("VpnTunnelOptionsSpecifications[1].StartupAction is absent (default 'add')");
    const noSpecs = checkCfn(synthView((s) => connection(s, 'ResponderOnly')), rule);
    expect(noSpecs.map((f) => f.level)).toEqual(['error']);
  });

  test('C20: a peer that initiates (Default) needs nothing', () => {
    expect(checkCfn(synthView((s) => connection(s, 'Default', ['add', 'add'])), rule)).toEqual([]);
  });

  test('C20: an untagged customer gateway where no tunnel starts is only a warning', () => {
    const findings = checkCfn(synthView((s) => connection(s, undefined, ['add', undefined])), rule);
    expect(findings.map((f) => [f.path, f.level])).toEqual([['Connection', 'warning']]);
    expect(checkCfn(synthView((s) => connection(s, undefined, ['start', 'add'])), rule)).toEqual([]);
  });

  test('C20: a StartupAction AWS does not accept is an error whatever the peer, naming the valid values', () => {
    for (const peerMode of ['ResponderOnly', 'Default', undefined]) {
      const findings = checkCfn(synthView((s) => connection(s, peerMode, ['begin', 'start'])), rule);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ path: 'Connection', level: 'error', catalogue: ['C20'] });
      expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[0].StartupAction is "begin", which AWS does not accept');
      expect(findings[0].fix).toContain('add, start');
    }
  });

  test("C20: Azure ResponderOnly connections while AWS uses 'add' are an error per connection", () => {
    const view = compliantAzureView();
    const findings = checkAzure({ ...view, awsPeer: { ...view.awsPeer, startupAction: 'add' } }, rule);
    expect(findings.map((f) => f.path)).toEqual(view.connections.map((c) => `connection ${c.name}.connectionMode`));
    expect(findings[0].fix).toContain("'Default'");
  });

  test("C20: Azure connections in Default mode initiate, so AWS 'add' needs nothing on them; only the ResponderOnly one is an error", () => {
    const view = compliantAzureView();
    const adding = { ...view.awsPeer, startupAction: 'add' };
    const allDefault = { ...view, awsPeer: adding, connections: view.connections.map((c) => ({ ...c, connectionMode: 'Default' })) };
    expect(checkAzure(allDefault, rule)).toEqual([]);
    const mixed = { ...allDefault, connections: allDefault.connections.map((c, i) => (i === 2 ? { ...c, connectionMode: 'ResponderOnly' } : c)) };
    expect(checkAzure(mixed, rule).map((f) => [f.path, f.catalogue, f.level])).toEqual([[`connection ${view.connections[2].name}.connectionMode`, [
      'C20',
    ], 'error']]);
  });
});
