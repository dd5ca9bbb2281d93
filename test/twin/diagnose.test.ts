/** The diagnosis mapping from a tunnel's state to the run-time rows D01–D09 (../shared/CONSTRAINTS.md). */
import { D_ROWS } from '../../lib/doctor/d-rows';
import { diagnoseTunnel, type TunnelObservation } from '../../lib/twin/diagnose';

const up: TunnelObservation = { ike: 'ESTABLISHED', child: 'INSTALLED', bgp: 'Established', routesReceived: 1, initiated: true };

describe('diagnoseTunnel', () => {
  test('a tunnel with IKE, IPsec, BGP and routes up has no diagnosis', () => {
    expect(diagnoseTunnel(up)).toBeUndefined();
  });

  test('D01 / C22: phase 1 fails with AUTHENTICATION_FAILED (keys differ)', () => {
    expect(diagnoseTunnel({ ...up, ike: 'NONE', ikeError: 'AUTHENTICATION_FAILED', child: 'NONE', bgp: 'Connect', routesReceived: 0 }))
      .toMatchObject({ row: 'D01', catalogue: ['C22'] });
  });

  test.each(['NO_PROPOSAL_CHOSEN', 'INVALID_KE_PAYLOAD'])('D01 / C24: phase 1 fails with %s (IKE parameters differ)', (ikeError) => {
    expect(diagnoseTunnel({ ...up, ike: 'CONNECTING', ikeError, child: 'NONE', bgp: 'Active', routesReceived: 0 })).toMatchObject({
      row: 'D01',
      catalogue: ['C24'],
    });
  });

  test('D01 with every documented cause when phase 1 just never completes (no notify: unreachable peer)', () => {
    expect(diagnoseTunnel({ ...up, ike: 'CONNECTING', child: 'NONE', bgp: 'Active', routesReceived: 0 })).toMatchObject({
      row: 'D01',
      catalogue: ['C22', 'C24', 'C27'],
    });
  });

  test('D09 / C20: nobody ever sent IKE_SA_INIT', () => {
    expect(diagnoseTunnel({ ...up, ike: 'NONE', child: 'NONE', bgp: 'Connect', routesReceived: 0, initiated: false })).toMatchObject({
      row: 'D09',
      catalogue: ['C20', 'C21'],
    });
  });

  test('D02 / C24: IKE up, child SA refused with NO_PROPOSAL_CHOSEN; D02 / C26 for TS_UNACCEPTABLE', () => {
    expect(diagnoseTunnel({ ...up, child: 'NONE', childError: 'NO_PROPOSAL_CHOSEN', bgp: 'Connect', routesReceived: 0 })).toMatchObject({
      row: 'D02',
      catalogue: ['C24', 'C26'],
    });
    expect(diagnoseTunnel({ ...up, child: 'NONE', childError: 'TS_UNACCEPTABLE', bgp: 'Connect', routesReceived: 0 })).toMatchObject({
      row: 'D02',
      catalogue: ['C26'],
    });
  });

  test('D03 / C11: IPsec up, BGP refused with Bad Peer AS', () => {
    expect(diagnoseTunnel({ ...up, bgp: 'Idle', bgpError: 'OPEN Message Error/Bad Peer AS', routesReceived: 0 })).toMatchObject({
      row: 'D03',
      catalogue: ['C11'],
    });
  });

  test('D03 / C13: IPsec up, BGP never answers (peer addresses differ)', () => {
    const d = diagnoseTunnel({ ...up, bgp: 'Active', routesReceived: 0 });
    expect(d?.row).toBe('D03');
    expect(d?.catalogue).toContain('C13');
  });

  test('D04: BGP up without a prefix', () => {
    expect(diagnoseTunnel({ ...up, routesReceived: 0 })).toMatchObject({ row: 'D04' });
  });

  test("D01–D04, D09: every diagnosis is a row of doctor's catalogue, with its symptom, naming only C rows that row documents as causes", () => {
    const observations: TunnelObservation[] = [
      { ...up, ike: 'NONE', ikeError: 'AUTHENTICATION_FAILED', child: 'NONE', bgp: 'Connect', routesReceived: 0 },
      { ...up, ike: 'CONNECTING', ikeError: 'NO_PROPOSAL_CHOSEN', child: 'NONE', bgp: 'Active', routesReceived: 0 },
      { ...up, ike: 'CONNECTING', child: 'NONE', bgp: 'Active', routesReceived: 0 },
      { ...up, ike: 'NONE', child: 'NONE', bgp: 'Connect', routesReceived: 0, initiated: false },
      { ...up, child: 'NONE', childError: 'NO_PROPOSAL_CHOSEN', bgp: 'Connect', routesReceived: 0 },
      { ...up, child: 'NONE', childError: 'TS_UNACCEPTABLE', bgp: 'Connect', routesReceived: 0 },
      { ...up, bgp: 'Idle', bgpError: 'OPEN Message Error/Bad Peer AS', routesReceived: 0 },
      { ...up, bgp: 'Active', routesReceived: 0 },
      { ...up, routesReceived: 0 },
    ];
    const rows = new Set<string>();
    for (const observation of observations) {
      const found = diagnoseTunnel(observation);
      expect(found).toBeDefined();
      const row = D_ROWS[found!.row];
      rows.add(row.id);
      expect(found!.symptom).toBe(row.symptom);
      const documented = new Set(row.causes.flatMap((c) => c.check));
      for (const number of found!.catalogue) expect([row.id, number, documented.has(number)]).toEqual([row.id, number, true]);
    }
    expect([...rows].sort()).toEqual(['D01', 'D02', 'D03', 'D04', 'D09']);
  });
});
