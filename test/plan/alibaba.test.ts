/** Issue 10: a plan with an Alibaba Cloud peer (C34–C36, C40, C41 in the plan scope; allocation per peer kind). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { planVpn, validatePlan } from '../../lib/check/validate';
import { AZURE_AND_ALIBABA_REFUSED } from '../../lib/plan/plan';
import { ALIBABA_INSIDE_RANGE, ApipaAllocator } from '../../lib/plan/allocate';
import { mustParseIpv4Cidr } from '../../lib/core/address';

const example = JSON.parse(readFileSync(path.join(__dirname, '../../examples/alibaba-plan.json'), 'utf8')) as Record<string, never>;
const alibaba = example.alibaba as Record<string, unknown>;
const T = (azureInstance: 0 | 1, awsTunnel: 1 | 2, insideCidr: string) => ({ azureInstance, awsTunnel, insideCidr });
const withPeer = (peer: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({ ...example, ...rest, alibaba: { ...alibaba, ...peer } });
const errors = (input: unknown) => validatePlan(input).findings.filter((f) => f.level === 'error').map((f) => [f.path, f.catalogue.join(',')]);

test("examples/alibaba-plan.json resolves: the Alibaba peer, the AWS customer gateways carry its local ASN (C39), seed 004's default table", () => {
  const plan = planVpn(example);
  expect(plan.alibaba?.localAsn).toBe(45104);
  expect(plan.customerGatewayAsn).toBe(45104);
  expect(plan.tunnels.map((t) => [t.id, t.insideCidr, t.awsBgpIp, t.azureBgpIp])).toEqual([
    ['Instance0Tunnel1', '169.254.21.0/30', '169.254.21.1', '169.254.21.2'],
    ['Instance0Tunnel2', '169.254.22.0/30', '169.254.22.1', '169.254.22.2'],
    ['Instance1Tunnel1', '169.254.21.4/30', '169.254.21.5', '169.254.21.6'],
    ['Instance1Tunnel2', '169.254.22.4/30', '169.254.22.5', '169.254.22.6'],
  ]);
});

test('an Azure plan is unchanged: no alibaba key, the customer gateways carry the Azure ASN', () => {
  const plan = planVpn({});
  expect('alibaba' in plan).toBe(false);
  expect(plan.customerGatewayAsn).toBe(65000);
});

test('Azure ↔ Alibaba in one plan is refused with the reason, not half built', () => {
  const { plan, findings } = validatePlan({ ...example, azure: {} });
  expect(plan).toBeUndefined();
  expect(findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([['OnePeerKind', 'alibaba', AZURE_AND_ALIBABA_REFUSED]]);
  expect(findings[0].fix).toContain('remove `azure`');
});

test('C03 only for Azure: 169.254.100.0/30 is a valid Alibaba tunnel CIDR, and an error for an Azure peer', () => {
  const tunnels = [T(0, 1, '169.254.100.0/30')];
  expect(planVpn({ ...example, tunnels }).tunnels[0].insideCidr).toBe('169.254.100.0/30');
  expect(errors({ tunnels })).toEqual([['tunnels[0].insideCidr', 'C03']]);
});

test("allocation for an Alibaba peer prefers seed 004's table and skips explicit blocks (C04)", () => {
  const tunnels = [T(0, 1, '169.254.21.4/30'), T(1, 2, '169.254.200.0/30')];
  expect(planVpn({ ...example, tunnels }).tunnels.map((t) => t.insideCidr)).toEqual([
    '169.254.21.4/30',
    '169.254.22.0/30',
    '169.254.21.0/30',
    '169.254.200.0/30',
  ]);
});

test('C35 (plan): a reserved block is refused for an Alibaba peer, with the C02 finding', () => {
  const found = errors({ ...example, tunnels: [T(0, 1, '169.254.1.0/30')] });
  expect(found).toEqual(expect.arrayContaining([['tunnels[0].insideCidr', 'C35'], ['tunnels[0].insideCidr', 'C02']]));
});

test('C34 (plan): one vSwitch for both tunnels is refused; distinct vSwitches pass', () => {
  expect(errors(withPeer({ disasterRecoveryVswitchId: alibaba.vswitchId }))).toEqual([['alibaba.disasterRecoveryVswitchId', 'C34']]);
  expect(errors(example)).toEqual([]);
});

test('C36 (plan): a local ASN outside 1–4294967295 is refused', () => {
  expect(errors(withPeer({ localAsn: 0 }))).toEqual(expect.arrayContaining([['alibaba.localAsn', 'C36']]));
  expect(errors(withPeer({ localAsn: 4294967295 }))).not.toEqual(expect.arrayContaining([['alibaba.localAsn', 'C36']]));
});

test('C41 (plan): the Alibaba local ASN equal to aws.asn, or 45104 as aws.asn, is refused with the fix', () => {
  const same = validatePlan(withPeer({ localAsn: 64512 })).findings.filter((f) => f.catalogue.includes('C41'));
  expect(same.map((f) => [f.path, f.fix])).toEqual([['alibaba.localAsn', 'the default 45104, or another ASN than 64512.']]);
  expect(errors(withPeer({ localAsn: 65010 }, { aws: { ...(example.aws as object), asn: 45104 } }))).toEqual(
    expect.arrayContaining([['aws.asn', 'C41']]),
  );
  expect(errors(withPeer({ localAsn: 65010 }))).toEqual([]);
});

test('C40 (plan): a policy Alibaba cannot express is refused before any tunnel exists', () => {
  const ipsec = {
    ...(example.ipsec as Record<string, unknown>),
    phase1: { encryption: 'AES128-GCM-16', integrity: 'SHA2-256', dhGroup: 14, lifetimeSeconds: 28800 },
  };
  expect(errors({ ...example, ipsec })).toEqual(expect.arrayContaining([['ipsec.phase1.encryption', 'C40']]));
});

test("C35: the Alibaba allocator takes all of 169.254.0.0/16 but the reserved blocks once the Azure window is full; Azure's does not", () => {
  const full = (allocator: ApipaAllocator) => {
    allocator.markUsed(mustParseIpv4Cidr('169.254.21.0/24'));
    allocator.markUsed(mustParseIpv4Cidr('169.254.22.0/24'));
    return allocator;
  };
  // 169.254.0.0/30 is reserved (C02): the first free block is 169.254.0.4/30.
  expect(full(new ApipaAllocator(ALIBABA_INSIDE_RANGE)).allocate(1)).toBe('169.254.0.4/30');
  expect(full(new ApipaAllocator()).allocate(1)).toBeUndefined();
});
