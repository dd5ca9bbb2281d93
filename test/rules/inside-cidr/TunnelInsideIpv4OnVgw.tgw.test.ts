/** C06 TunnelInsideIpv4OnVgw with aws.target kind 'tgw': IPv6 inside addresses stay refused in the plan, with the TGW reason (C05 APIPA peer). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlan } from '../../../lib/check/validate';

const BASE = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'vpn-plan.json'), 'utf8'));
const c06 = (aws: Record<string, unknown>) =>
  validatePlan({ ...BASE, aws: { ...BASE.aws, tunnelInsideIpVersion: 'ipv6', ...aws } }).findings.filter((f) => f.catalogue.includes('C06'));

describe('C06 TunnelInsideIpv4OnVgw and the transit gateway target', () => {
  test("C06: 'ipv6' on a TGW target is refused because the Azure peer's BGP addresses are IPv4 APIPA", () => {
    const [finding, ...rest] = c06({ target: { kind: 'tgw' } });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ level: 'error', path: 'aws.tunnelInsideIpVersion' });
    expect(finding.message).toMatch(/transit gateway takes IPv6.*IPv4 APIPA/);
  });
  test("C06: on a VGW the message is the VGW's, as before; 'ipv4' passes on both", () => {
    expect(c06({}).map((f) => f.message)).toEqual(["'ipv6' is not available on a virtual private gateway."]);
    expect(validatePlan({ ...BASE, aws: { ...BASE.aws, target: { kind: 'tgw' } } }).findings).toEqual([]);
  });
});
