import * as fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanValidationError, type PlanInput, type ResolvedPlan } from '../../lib/plan';
import { loadPlanFile, validatePlanFile } from '../../lib/check/file';
import { planVpn, validatePlan } from '../../lib/check/validate';

/** Seed 004, "BGP APIPA アドレスの選択" and the connection table of part 3, written out by hand. */
const DOCUMENTED = [
  {
    id: 'Instance0Tunnel1',
    azureInstance: 0,
    awsConnection: 1,
    awsTunnel: 1,
    insideCidr: '169.254.21.0/30',
    awsBgpIp: '169.254.21.1',
    azureBgpIp: '169.254.21.2',
    azureCustomBgpIps: ['169.254.21.2', '169.254.21.6'],
  },
  {
    id: 'Instance0Tunnel2',
    azureInstance: 0,
    awsConnection: 1,
    awsTunnel: 2,
    insideCidr: '169.254.22.0/30',
    awsBgpIp: '169.254.22.1',
    azureBgpIp: '169.254.22.2',
    azureCustomBgpIps: ['169.254.22.2', '169.254.21.6'],
  },
  {
    id: 'Instance1Tunnel1',
    azureInstance: 1,
    awsConnection: 2,
    awsTunnel: 1,
    insideCidr: '169.254.21.4/30',
    awsBgpIp: '169.254.21.5',
    azureBgpIp: '169.254.21.6',
    azureCustomBgpIps: ['169.254.21.2', '169.254.21.6'],
  },
  {
    id: 'Instance1Tunnel2',
    azureInstance: 1,
    awsConnection: 2,
    awsTunnel: 2,
    insideCidr: '169.254.22.4/30',
    awsBgpIp: '169.254.22.5',
    azureBgpIp: '169.254.22.6',
    azureCustomBgpIps: ['169.254.21.2', '169.254.22.6'],
  },
];

const withoutAllocated = (plan: ResolvedPlan) => plan.tunnels.map(({ allocated: _allocated, ...t }) => t);

describe('planVpn defaults', () => {
  test('an empty input reproduces the documented table (seed 004)', () => {
    const plan = planVpn();
    expect(withoutAllocated(plan)).toEqual(DOCUMENTED);
    expect(plan.azure.apipaByInstance).toEqual([['169.254.21.2', '169.254.22.2'], ['169.254.21.6', '169.254.22.6']]);
    expect(plan).toMatchObject({
      aws: { asn: 64512, vpcCidr: '10.2.0.0/16', startupAction: 'start' },
      azure: {
        asn: 65000,
        vnetCidr: '10.1.0.0/16',
        gatewaySubnetCidr: '10.1.1.0/24',
        sku: 'VpnGw2AZ',
        generation: 'Generation2',
        connectionMode: 'ResponderOnly',
      },
      customerGatewayAsn: 65000,
      ipsec: { ikeVersion: 'ikev2' },
    });
  });

  test('the repository example vpn-plan.json is the documented table, given explicitly', () => {
    const plan = loadPlanFile(join(__dirname, '../../vpn-plan.json'));
    expect(withoutAllocated(plan)).toEqual(DOCUMENTED);
    expect(plan.tunnels.every((t) => !t.allocated)).toBe(true);
  });

  test('the resolved plan is immutable', () => {
    const plan = planVpn();
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.tunnels[0])).toBe(true);
    expect(Object.isFrozen(plan.azure.apipaByInstance[0])).toBe(true);
    expect(() => {
      (plan.tunnels as unknown as unknown[]).push({});
    }).toThrow(TypeError);
  });

  test('a planned input is not changed by planning', () => {
    const input: PlanInput = { aws: { asn: 64600 } };
    const copy = structuredClone(input);
    planVpn(input);
    expect(input).toEqual(copy);
  });
});

describe('shape errors', () => {
  test('unknown fields are errors, with a suggestion; every problem is reported at once', () => {
    const { plan, findings } = validatePlan({ aws: { asnn: 64512 }, azure: { sku: 'VpnGw2AZ', skuu: 1 }, tunnel: [] });
    expect(plan).toBeUndefined();
    expect(findings.map((f) => f.path).sort()).toEqual(['aws.asnn', 'azure.skuu', 'tunnel']);
    const asn = findings.find((f) => f.path === 'aws.asnn')!;
    expect(asn.message).toMatch(/unknown field 'asnn'/);
    expect(asn.fix).toMatch(/did you mean 'asn'/);
    expect(findings.find((f) => f.path === 'tunnel')!.fix).toMatch(/did you mean 'tunnels'/);
  });

  test('wrong types name the field, the expected type and the value', () => {
    const { findings } = validatePlan({ aws: { asn: '64512' }, tunnels: [{ azureInstance: 3, awsTunnel: 1 }] });
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'aws.asn', message: expect.stringContaining('expected number, got string "64512"') }),
      expect.objectContaining({ path: 'tunnels[0].azureInstance', fix: 'one of 0, 1.' }),
    ]));
  });

  test('C15: a tunnel given twice is refused', () => {
    const entry = { azureInstance: 0 as const, awsTunnel: 1 as const, insideCidr: '169.254.21.0/30' };
    const { findings } = validatePlan({ tunnels: [entry, entry] });
    expect(findings).toEqual([expect.objectContaining({ path: 'tunnels[1]', catalogue: ['C15'], level: 'error' })]);
  });

  test('semantic errors in several fields are reported together, with catalogue numbers', () => {
    const { findings } = validatePlan({
      tunnels: [
        { azureInstance: 0, awsTunnel: 1, insideCidr: '169.254.21.1/30' },
        { azureInstance: 0, awsTunnel: 2, insideCidr: '169.254.300.0/30' },
      ],
    });
    expect(findings.filter((f) => f.catalogue.includes('C01')).map((f) => f.path)).toEqual(['tunnels[0].insideCidr', 'tunnels[1].insideCidr']);
  });

  test('planVpn throws one PlanValidationError that carries and prints every finding', () => {
    let error: unknown;
    try {
      planVpn({ aws: { asnn: 1 }, tunnels: [{ azureInstance: 0, awsTunnel: 1, insideCidr: '169.254.21.1/30' }] } as PlanInput);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanValidationError);
    const e = error as PlanValidationError;
    expect(e.findings.length).toBeGreaterThan(0);
    for (const f of e.findings) expect(e.message).toContain(f.path);
  });
});

describe('plan files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  test.each([
    ['not JSON', '{ "aws": ', /is not valid JSON/],
    ['an array', '[]', /an array of 0 items, not an object/],
  ])('%s is reported with the file name', (_name, text, pattern) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const { findings } = validatePlanFile(file);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(pattern);
    expect(findings[0].message).toContain(file);
  });

  test('a missing file says so', () => {
    expect(validatePlanFile(join(dir, 'absent.json')).findings[0].message).toMatch(/absent\.json cannot be read: ENOENT/);
  });
});

describe('properties', () => {
  test('no input makes validation crash; it returns findings or a plan', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validatePlan(input);
        return Array.isArray(result.findings) && (result.plan !== undefined || result.findings.some((f) => f.level === 'error'));
      }),
      { numRuns: 300 },
    );
  });

  const cidrText = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 20, max: 32 }))
      .map(([c, d, p]) => `169.254.${c}.${d}/${p}`),
    fc.constantFrom('169.254.21.0/30', '169.254.0.0/30', '169.254.169.252/30', '10.0.0.0/30', 'fd00::/126', 'x'),
  );
  const plausibleInput = fc.record({
    aws: fc.record({ asn: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 }), fc.constant(64512)) }, { requiredKeys: [] }),
    azure: fc.record({ asn: fc.oneof(fc.integer({ min: 0, max: 2 ** 32 }), fc.constant(65000)) }, { requiredKeys: [] }),
    tunnels: fc.array(
      fc.record({ azureInstance: fc.constantFrom(0, 1), awsTunnel: fc.constantFrom(1, 2), insideCidr: cidrText }, {
        requiredKeys: ['azureInstance', 'awsTunnel'],
      }),
      { maxLength: 4 },
    ),
  }, { requiredKeys: [] });

  test('C01–C04: plausible inputs give a plan exactly when no finding is an error, and every finding is complete', () => {
    const APIPA_30 = /^169\.254\.(21|22)\.(\d+)\/30$/;
    fc.assert(
      fc.property(plausibleInput, (input) => {
        const { plan, findings } = validatePlan(input);
        const errors = findings.filter((f) => f.level === 'error');
        expect(plan === undefined).toBe(errors.length > 0);
        for (const f of findings) {
          expect(f.path).not.toBe('');
          expect(f.message).not.toBe('');
          expect(f.catalogue.every((c) => /^[CD]\d{2}$/.test(c))).toBe(true);
        }
        // An oracle apart from the rules: a given inside CIDR that is not an aligned /30 in Azure's APIPA
        // range (C01, C03) is an error under its tunnel.
        (input.tunnels ?? []).forEach((t, i) => {
          const m = t.insideCidr === undefined ? null : APIPA_30.exec(t.insideCidr);
          if (t.insideCidr !== undefined && !(m && Number(m[2]) <= 252 && Number(m[2]) % 4 === 0)) {
            expect(errors.some((f) => f.path.startsWith(`tunnels[${i}]`))).toBe(true);
          }
        });
        if (plan) expect(plan.tunnels).toHaveLength(4);
      }),
      { numRuns: 300 },
    );
  });

  test('every accepted plan, written back as explicit input, is accepted again and resolves identically', () => {
    fc.assert(
      fc.property(plausibleInput, (input) => {
        const { plan } = validatePlan(input);
        if (!plan) return true;
        const explicit = {
          ...input,
          tunnels: plan.tunnels.map((t) => ({ azureInstance: t.azureInstance, awsTunnel: t.awsTunnel, insideCidr: t.insideCidr })),
        };
        const again = validatePlan(explicit);
        expect(again.findings.filter((f) => f.level === 'error')).toEqual([]);
        expect(again.plan!.tunnels.map(({ allocated: _a, ...t }) => t)).toEqual(plan.tunnels.map(({ allocated: _a, ...t }) => t));
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
