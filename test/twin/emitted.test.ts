/**
 * The twin's sides come only from what the two halves emit, and each fault changes exactly the
 * emitted value it names. No root needed: this synthesizes and renders, it starts nothing.
 */
import { planVpn } from '../../lib/check/validate';
import { credentials, swanctlConf } from '../../lib/twin/configs';
import { TWIN_FAULTS, twinFault } from '../../lib/twin/faults';
import type { IkeEnd, TwinSide } from '../../lib/twin/sides';
import type { EmittedPlan } from '../../lib/twin/twin';
import { describeTwin } from './gate';

let emitted: EmittedPlan;
let sides: TwinSide[];
let emitPlan: typeof import('../../lib/twin/twin').emitPlan;
let emittedSides: typeof import('../../lib/twin/twin').emittedSides;

/** AWS end → the Azure end it reaches (the instance owning its customer gateway IP, the connection whose LNG is its outside IP). */
function pairs(s: TwinSide[]): { aws: IkeEnd; azure: IkeEnd; instance: string; }[] {
  return s[0].ends.map((aws) => {
    const side = s.find((x) => x.id !== 'aws' && x.outsideAddresses.includes(aws.remoteOutside))!;
    return { aws, azure: side.ends.find((e) => e.remoteOutside === aws.localOutside)!, instance: side.id };
  });
}

// Part of the twin suite (a synthesis and two renderings take seconds), without root.
describeTwin('the twin configured from the emitted halves (synthesis and rendering only)', () => {
  beforeAll(async () => {
    // Loaded here: a skipped suite must not pay for CDK and Pulumi.
    ({ emitPlan, emittedSides } = await import('../../lib/twin/twin'));
    emitted = await emitPlan(planVpn({}));
    sides = emittedSides(emitted);
  }, 120_000);

  describe('sides from the emitted halves', () => {
    test('four AWS tunnels, each with its own outside IP, two per Azure instance (C15)', () => {
      const [aws, az0, az1] = sides;
      expect(aws.ends.map((e) => e.name)).toEqual(['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2']);
      expect(new Set(aws.ends.map((e) => e.localOutside)).size).toBe(4);
      expect(az0.outsideAddresses).toEqual(['203.0.113.10']);
      expect(az1.outsideAddresses).toEqual(['203.0.113.11']);
      expect(pairs(sides).map((p) => p.instance)).toEqual(['az0', 'az0', 'az1', 'az1']);
    });

    test('each pair shares its key (read from the fake Secrets Manager on both sides), and keys differ per tunnel (C22)', () => {
      const p = pairs(sides);
      expect(p.every(({ aws, azure }) => aws.psk === azure.psk)).toBe(true);
      expect(new Set(p.map(({ aws }) => aws.psk)).size).toBe(4);
      expect(p.every(({ aws }) => /^[A-Za-z1-9][A-Za-z0-9]{31}$/.test(aws.psk))).toBe(true);
    });

    test('BGP addresses: AWS the first host, Azure the second, crossed on both ends (C05, C13); ASNs crossed (C11)', () => {
      expect(pairs(sides).map(({ aws, azure }) => [aws.localBgpIp, aws.remoteBgpIp, azure.localBgpIp, azure.remoteBgpIp])).toEqual([
        ['169.254.21.1', '169.254.21.2', '169.254.21.2', '169.254.21.1'],
        ['169.254.22.1', '169.254.22.2', '169.254.22.2', '169.254.22.1'],
        ['169.254.21.5', '169.254.21.6', '169.254.21.6', '169.254.21.5'],
        ['169.254.22.5', '169.254.22.6', '169.254.22.6', '169.254.22.5'],
      ]);
      expect(sides.map((s) => s.asn)).toEqual([64512, 65000, 65000]);
      expect(pairs(sides).every(({ aws, azure }) => aws.remoteAsn === 65000 && azure.remoteAsn === 64512)).toBe(true);
    });

    test('roles: AWS initiates (StartupAction start), Azure answers only (ResponderOnly) (C20)', () => {
      expect(sides[0].ends.every((e) => e.startAction === 'start')).toBe(true);
      expect(sides.slice(1).every((s) => s.ends.every((e) => e.startAction === 'none'))).toBe(true);
    });

    test('the same proposals on both ends, translated separately; lifetimes from each half (C24)', () => {
      for (const { aws, azure } of pairs(sides)) {
        expect(aws.ikeProposals).toEqual(['aes256-sha256-prfsha256-modp2048']);
        expect(azure.ikeProposals).toEqual(aws.ikeProposals);
        expect(azure.espProposals).toEqual(aws.espProposals);
        expect([aws.ikeLifetimeSeconds, aws.childLifetimeSeconds, azure.ikeLifetimeSeconds, azure.childLifetimeSeconds]).toEqual([
          28800,
          3600,
          28800,
          3600,
        ]);
      }
    });

    test('the connection file holds no key; the credentials only base64, and never the plain key (C23)', () => {
      for (const side of sides) {
        const text = swanctlConf(side);
        const secrets = credentials(side);
        for (const end of side.ends) {
          expect(text).not.toContain(end.psk);
          expect(secrets).not.toContain(end.psk);
          expect(secrets).toContain(`0s${Buffer.from(end.psk).toString('base64')}`);
        }
      }
    });
  });

  describe('faults change the emitted value they name, nothing else', () => {
    const diff = (fault: string) => {
      const faulty = emittedSides(emitted, twinFault(fault));
      return pairs(faulty).map((p, i) => ({
        tunnel: p.aws.name,
        same: JSON.stringify(p) === JSON.stringify(pairs(sides)[i]),
        p,
        base: pairs(sides)[i],
      }));
    };
    const changed = (fault: string) => diff(fault).filter((d) => !d.same).map((d) => d.tunnel);

    test('every fault names its row and catalogue number', () => {
      expect(TWIN_FAULTS.map((f) => `${f.id}:${f.expected.row}/${f.expected.catalogue}`)).toEqual([
        'psk-mismatch:D01/C22',
        'phase1-mismatch:D01/C24',
        'phase2-mismatch:D02/C24',
        'first-address-for-all:D03/C13',
        'asn-mismatch:D03/C11',
        'nobody-initiates:D09/C20',
      ]);
    });

    test('psk-mismatch: only Instance0Tunnel2, only the Azure key (D01 / C22)', () => {
      const d = diff('psk-mismatch').find((x) => x.tunnel === 'Instance0Tunnel2')!;
      expect(changed('psk-mismatch')).toEqual(['Instance0Tunnel2']);
      expect(d.p.azure.psk).not.toBe(d.p.aws.psk);
      expect({ ...d.p.azure, psk: '' }).toEqual({ ...d.base.azure, psk: '' });
    });

    test('phase1-mismatch: only the AWS IKE proposal of Instance1Tunnel1 (D01 / C24)', () => {
      const d = diff('phase1-mismatch').find((x) => x.tunnel === 'Instance1Tunnel1')!;
      expect(changed('phase1-mismatch')).toEqual(['Instance1Tunnel1']);
      expect(d.p.aws.ikeProposals).toEqual(['aes128-sha256-prfsha256-modp2048']);
      expect(d.p.azure).toEqual(d.base.azure);
    });

    test('phase2-mismatch: only the Azure ESP proposal of Instance1Tunnel2 (D02 / C24)', () => {
      const d = diff('phase2-mismatch').find((x) => x.tunnel === 'Instance1Tunnel2')!;
      expect(changed('phase2-mismatch')).toEqual(['Instance1Tunnel2']);
      expect(d.p.azure.espProposals).toEqual(['aes128-sha256-modp2048']);
      expect(d.p.azure.ikeProposals).toEqual(d.base.azure.ikeProposals);
    });

    test("first-address-for-all: each instance's second tunnel takes the instance's first APIPA address (D03 / C13)", () => {
      expect(changed('first-address-for-all')).toEqual(['Instance0Tunnel2', 'Instance1Tunnel2']);
      expect(diff('first-address-for-all').map((d) => d.p.azure.localBgpIp)).toEqual([
        '169.254.21.2',
        '169.254.21.2',
        '169.254.21.6',
        '169.254.21.6',
      ]);
    });

    test('asn-mismatch: the Azure end of Instance0Tunnel1 expects another AWS ASN (D03 / C11)', () => {
      expect(changed('asn-mismatch')).toEqual(['Instance0Tunnel1']);
      expect(diff('asn-mismatch')[0].p.azure.remoteAsn).toBe(64513);
    });

    test('nobody-initiates: every AWS end only answers, like every Azure end (D09 / C20)', () => {
      expect(changed('nobody-initiates')).toHaveLength(4);
      expect(diff('nobody-initiates').every((d) => d.p.aws.startAction === 'none' && d.p.azure.startAction === 'none')).toBe(true);
    });
  });
}, { needsMachine: false });
