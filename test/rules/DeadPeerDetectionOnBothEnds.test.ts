import { validatePlan } from '../../lib/plan';
import { DeadPeerDetectionOnBothEnds } from '../../lib/rules/DeadPeerDetectionOnBothEnds';

const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === DeadPeerDetectionOnBothEnds.id);

describe('DeadPeerDetectionOnBothEnds', () => {
  test('C21: the default plan (30 s, restart) and the bounds 30 and 3600 have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(ofRule({ ipsec: { dpdTimeoutSeconds: 3600 } })).toEqual([]);
  });

  test('C21: below AWS minimum 30 s is an error (CloudFormation refuses it), not a mere warning', () => {
    const findings = ofRule({ ipsec: { dpdTimeoutSeconds: 10 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'ipsec.dpdTimeoutSeconds', ruleId: 'DeadPeerDetectionOnBothEnds', catalogue: ['C21'], level: 'error' });
    expect(findings[0].message).toContain('10 s');
    expect(findings[0].fix).toContain('30–3600');
  });

  test("C21: above Azure's maximum 3600 s is an error", () => {
    const findings = ofRule({ ipsec: { dpdTimeoutSeconds: 3601 } });
    expect(findings.map((f) => f.level)).toEqual(['error']);
    expect(findings[0].message).toContain('Azure');
  });

  test("C21: DPD action 'clear' with a ResponderOnly peer is a warning; the plan is still produced", () => {
    const result = validatePlan({ ipsec: { dpdTimeoutAction: 'clear' } });
    const findings = result.findings.filter((f) => f.ruleId === DeadPeerDetectionOnBothEnds.id);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'ipsec.dpdTimeoutAction', level: 'warning' });
    expect(findings[0].fix).toContain("'restart'");
    expect(result.plan).toBeDefined();
    expect(ofRule({ ipsec: { dpdTimeoutAction: 'clear' }, azure: { connectionMode: 'Default' } })).toEqual([]);
  });
});
