import { validatePlan } from '../../../lib/check/validate';
import { AzureAsnNotReserved } from '../../../lib/rules/asn/AzureAsnNotReserved';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = AzureAsnNotReserved;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);

describe('C10 AzureAsnNotReserved', () => {
  test('C10: the default plan and the ASNs next to reserved ones have no finding', () => {
    expect(findingsOf({})).toEqual([]);
    for (const asn of [65000, 65516, 64495, 65552, 4294967294]) expect(findingsOf({ azure: { asn } })).toEqual([]);
  });

  test.each([8074, 8075, 12076, 65515, 65517, 65520, 23456, 64496, 64511, 65535, 65551, 4294967295])(
    'C10: plan refuses the reserved Azure gateway ASN %d',
    (asn) => {
      const findings = findingsOf({ azure: { asn } });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ path: 'azure.asn', ruleId: rule.id, catalogue: ['C10'], level: 'error' });
      expect(findings[0].message).toContain(String(asn));
      expect(findings[0].fix).toContain('65000');
    },
  );

  test("C10: plan refuses an AWS ASN Azure would refuse on its local network gateways (65515 is in AWS's private range)", () => {
    const findings = findingsOf({ aws: { asn: 65515 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.asn', fix: expect.stringContaining('64512') });
    expect(findings[0].message).toContain('65515');
  });

  test('C10: azure accepts the documented view', () => {
    expect(checkAzure(compliantAzureView(), [rule])).toEqual([]);
  });

  test('C10: azure refuses a reserved gateway ASN', () => {
    const view = compliantAzureView();
    const findings = checkAzure({ ...view, gateway: { ...view.gateway, asn: 65515 } }, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: `gateway ${view.gateway.name}.bgpSettings.asn`, catalogue: ['C10'] });
    expect(findings[0].message).toContain('65515');
  });

  test('C10: azure refuses a reserved local network gateway ASN', () => {
    const view = compliantAzureView();
    const [lng, ...rest] = view.localNetworkGateways;
    const findings = checkAzure({ ...view, localNetworkGateways: [{ ...lng, asn: 12076 }, ...rest] }, [rule]);
    expect(findings.map((f) => f.path)).toEqual([`localNetworkGateway ${lng.name}.bgpSettings.asn`]);
  });
});
