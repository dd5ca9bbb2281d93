/**
 * Each documented fault, injected into the emitted values of the default plan, shows its documented
 * symptom on the tunnels it breaks and is named by its D row; every other tunnel still comes up.
 * Root and the Debian packages (gate.ts).
 */
import { planVpn } from '../../lib/check/validate';
import type { EmittedPlan, TwinResult } from '../../lib/twin';
import { faultOutcome, twinFault } from '../../lib/twin/faults';
import { twinTable } from '../../lib/twin/report';
import { describeTwin, stillRunning } from './gate';

describeTwin('digital twin: injected faults show their documented symptoms (D01, D02, D03, D09)', () => {
  const plan = planVpn({});
  let emitted: EmittedPlan;
  let runTwin: typeof import('../../lib/twin/twin').runTwin;
  beforeAll(async () => {
    // Loaded here: a skipped suite must not pay for CDK and Pulumi.
    const twin = await import('../../lib/twin/twin');
    runTwin = twin.runTwin;
    emitted = await twin.emitPlan(plan);
  }, 120_000);

  const run = async (fault: string): Promise<TwinResult> => {
    const result = await runTwin({ plan, emitted, fault });
    const outcome = faultOutcome(twinFault(fault), result.tunnels);
    // The whole table on failure: state strings and diagnosis of every tunnel.
    expect({ outcome, table: outcome.every((o) => o.ok) ? '' : twinTable(result) }).toEqual({
      outcome: outcome.map((o) => ({ ...o, ok: true })),
      table: '',
    });
    expect(stillRunning(result.lab.daemons)).toEqual([]);
    return result;
  };
  const tunnel = (r: TwinResult, id: string) => r.tunnels.find((t) => t.tunnel === id)!;

  test('D01 / C22: a key mismatch on one tunnel fails its IKE_AUTH with AUTHENTICATION_FAILED', async () => {
    const r = await run('psk-mismatch');
    expect(tunnel(r, 'Instance0Tunnel2').observation).toMatchObject({
      ike: expect.not.stringMatching(/^ESTABLISHED$/),
      ikeError: 'AUTHENTICATION_FAILED',
      child: 'NONE',
    });
  }, 150_000);

  test('D01 / C24: a phase 1 proposal mismatch fails IKE_SA_INIT with NO_PROPOSAL_CHOSEN', async () => {
    const r = await run('phase1-mismatch');
    expect(tunnel(r, 'Instance1Tunnel1').observation).toMatchObject({ ikeError: 'NO_PROPOSAL_CHOSEN', child: 'NONE' });
  }, 150_000);

  test('D02 / C24: a phase 2 proposal mismatch leaves IKE up and refuses the child SA', async () => {
    const r = await run('phase2-mismatch');
    expect(tunnel(r, 'Instance1Tunnel2').observation).toMatchObject({ ike: 'ESTABLISHED', child: 'NONE', childError: 'NO_PROPOSAL_CHOSEN' });
  }, 150_000);

  test('D03 / C13: without gatewayCustomBgpIpAddresses each instance uses its first address: IPsec up, BGP down on the second tunnels', async () => {
    const r = await run('first-address-for-all');
    for (const id of ['Instance0Tunnel2', 'Instance1Tunnel2']) {
      expect(tunnel(r, id).observation).toMatchObject({ ike: 'ESTABLISHED', child: 'INSTALLED', routesReceived: 0 });
      expect(tunnel(r, id).observation.bgp).not.toBe('Established');
    }
    expect(tunnel(r, 'Instance0Tunnel2').azureBgpIp).toBe('169.254.21.2');
  }, 150_000);

  test('D03 / C11: an ASN mismatch is refused by BGP with Bad Peer AS', async () => {
    const r = await run('asn-mismatch');
    expect(tunnel(r, 'Instance0Tunnel1').observation).toMatchObject({
      ike: 'ESTABLISHED',
      child: 'INSTALLED',
      bgpError: 'OPEN Message Error/Bad Peer AS',
    });
  }, 150_000);

  test('D09 / C20: with StartupAction add facing ResponderOnly nobody sends IKE_SA_INIT', async () => {
    const r = await run('nobody-initiates');
    expect(r.tunnels.every((t) => t.observation.ike === 'NONE' && !t.observation.initiated)).toBe(true);
  }, 150_000);
});
