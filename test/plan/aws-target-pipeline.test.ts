/**
 * `aws.target` through the plan pipeline (validatePlan = schema + every rule's plan scope): each
 * cross-field check is reported by the rule that owns it, with its catalogue number, both ways.
 * C04 InsideCidrUnique, C08 VgwAsnIsPrivate, C11 PeerAsnsMatch, C27 NoAccelerationOnVgw,
 * C29 TransitGatewayVpnRouting; tunnel bandwidth (AWS User Guide) as a shape finding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planVpn, validatePlan } from '../../lib/check/validate';
import type { Finding } from '../../lib/core/finding';
import type { PlanInput } from '../../lib/plan';

const BASE = JSON.parse(readFileSync(join(__dirname, '..', '..', 'vpn-plan.json'), 'utf8'));
const EXISTING = {
  kind: 'tgw',
  transitGatewayId: 'tgw-0123456789abcdef0',
  defaultRouteTableAssociation: 'disable',
  defaultRouteTablePropagation: 'disable',
};

function withAws(aws: Record<string, unknown>, rest: Record<string, unknown> = {}): PlanInput {
  return { ...BASE, ...rest, aws: { ...BASE.aws, ...aws } } as PlanInput;
}
const brief = (findings: readonly Finding[]) => findings.map((f) => `${f.level} ${f.catalogue.join(',')} ${f.ruleId} ${f.path}`);

describe('resolved plan', () => {
  test('no target: kind vgw, and nothing of a transit gateway', () => {
    expect(planVpn(BASE).aws.target).toEqual({ kind: 'vgw' });
  });
  test("kind 'tgw': a new gateway on aws.asn with ECMP on and a new route table", () => {
    const target = planVpn(withAws({ target: { kind: 'tgw' } })).aws.target;
    expect(target).toMatchObject({
      kind: 'tgw',
      gateway: { kind: 'new', amazonSideAsn: BASE.aws.asn ?? 64512 },
      vpnEcmpSupport: true,
      routeTable: { kind: 'new' },
      enableAcceleration: false,
    });
  });
});

describe('C27 NoAccelerationOnVgw (plan side)', () => {
  test('acceleration on a transit gateway target is allowed and reaches the resolved plan', () => {
    const result = validatePlan(withAws({ target: { kind: 'tgw', enableAcceleration: true } }));
    expect(result.findings).toEqual([]);
    expect(result.plan?.aws.target).toMatchObject({ kind: 'tgw', enableAcceleration: true });
  });
  test('aws.target.enableAcceleration on a VGW target is refused with C27', () => {
    const { plan, findings } = validatePlan(withAws({ target: { kind: 'vgw', enableAcceleration: true } }));
    expect(plan).toBeUndefined();
    expect(brief(findings)).toEqual(['error C27 Schema aws.target.enableAcceleration']);
    expect(findings[0].fix).toMatch(/kind 'tgw'/);
  });
  test('the top-level aws.enableAcceleration stays refused, and with a TGW the fix points at aws.target', () => {
    expect(brief(validatePlan(withAws({ enableAcceleration: true })).findings)).toEqual(['error C27 NoAccelerationOnVgw aws.enableAcceleration']);
    const tgw = validatePlan(withAws({ enableAcceleration: true, target: { kind: 'tgw' } })).findings;
    expect(brief(tgw)).toEqual(['error C27 NoAccelerationOnVgw aws.enableAcceleration']);
    expect(tgw[0].message).toMatch(/transit gateway target/);
  });
});

describe('C29 TransitGatewayVpnRouting (plan side)', () => {
  test("ECMP 'disable' with the active/active peer: a warning, the plan still resolves", () => {
    const result = validatePlan(withAws({ target: { kind: 'tgw', vpnEcmpSupport: 'disable' } }));
    expect(brief(result.findings)).toEqual(['warning C29 TransitGatewayVpnRouting aws.target.vpnEcmpSupport']);
    expect(result.plan?.aws.target).toMatchObject({ vpnEcmpSupport: false });
  });
  test('a route table id for a new gateway, and an existing gateway without its default settings, are errors', () => {
    expect(brief(validatePlan(withAws({ target: { kind: 'tgw', routeTable: { id: 'tgw-rtb-0123456789abcdef0' } } })).findings))
      .toEqual(['error C29 TransitGatewayVpnRouting aws.target.routeTable.id']);
    expect(brief(validatePlan(withAws({ target: { kind: 'tgw', transitGatewayId: 'tgw-0123456789abcdef0' } })).findings)).toEqual([
      'error C29 TransitGatewayVpnRouting aws.target.defaultRouteTableAssociation',
      'error C29 TransitGatewayVpnRouting aws.target.defaultRouteTablePropagation',
    ]);
    expect(validatePlan(withAws({ target: EXISTING })).findings).toEqual([]);
  });
});

describe('C08 VgwAsnIsPrivate and C11 PeerAsnsMatch (plan side, transit gateway ASN)', () => {
  test('amazonSideAsn equal to aws.asn: fine; public: C08; different private: C11; on an existing gateway: C08', () => {
    const asn = planVpn(BASE).aws.asn;
    expect(validatePlan(withAws({ target: { kind: 'tgw', amazonSideAsn: asn } })).findings).toEqual([]);
    expect(brief(validatePlan(withAws({ target: { kind: 'tgw', amazonSideAsn: 7224 } })).findings)).toEqual([
      'error C08 VgwAsnIsPrivate aws.target.amazonSideAsn',
    ]);
    expect(brief(validatePlan(withAws({ target: { kind: 'tgw', amazonSideAsn: asn + 1 } })).findings)).toEqual([
      'error C11 PeerAsnsMatch aws.target.amazonSideAsn',
    ]);
    expect(brief(validatePlan(withAws({ target: { ...EXISTING, amazonSideAsn: asn } })).findings)).toEqual([
      'error C08 VgwAsnIsPrivate aws.target.amazonSideAsn',
    ]);
  });
});

describe('C04 InsideCidrUnique per transit gateway (plan side)', () => {
  test('an explicit tunnel inside CIDR used by another connection on the existing gateway is refused; a free one is not', () => {
    const tunnels = BASE.tunnels ??
      planVpn(BASE).tunnels.map((t) => ({ azureInstance: t.azureInstance, awsTunnel: t.awsTunnel, insideCidr: t.insideCidr }));
    const taken = tunnels[0].insideCidr;
    const clash = validatePlan(withAws({ target: { ...EXISTING, insideCidrsInUse: [taken] } }, { tunnels }));
    expect(brief(clash.findings)).toEqual(['error C04 InsideCidrUnique tunnels[0].insideCidr']);
    expect(clash.findings[0].message).toMatch(/insideCidrsInUse\[0\].*transit gateway/);
    expect(validatePlan(withAws({ target: { ...EXISTING, insideCidrsInUse: ['169.254.100.0/30'] } }, { tunnels })).findings).toEqual([]);
  });
  test('allocated tunnels skip the CIDRs in use on the gateway', () => {
    const withoutTunnels = { ...BASE };
    delete withoutTunnels.tunnels;
    const free = planVpn(withoutTunnels).tunnels.map((t) => t.insideCidr);
    const plan = planVpn({ ...withoutTunnels, aws: { ...BASE.aws, target: { ...EXISTING, insideCidrsInUse: [free[0]] } } });
    expect(plan.tunnels.map((t) => t.insideCidr)).not.toContain(free[0]);
  });
  test('listed for a new gateway: refused (it carries no other connection)', () => {
    expect(brief(validatePlan(withAws({ target: { kind: 'tgw', insideCidrsInUse: ['169.254.100.0/30'] } })).findings))
      .toEqual(['error C04 InsideCidrUnique aws.target.insideCidrsInUse']);
  });
});

describe('tunnel bandwidth (Site-to-Site VPN User Guide, Large Bandwidth Tunnels)', () => {
  test("'large' alone: allowed; with acceleration, or in a region without it: refused at aws.target.tunnelBandwidth", () => {
    expect(validatePlan(withAws({ target: { kind: 'tgw', tunnelBandwidth: 'large' } })).findings).toEqual([]);
    expect(brief(validatePlan(withAws({ target: { kind: 'tgw', tunnelBandwidth: 'large', enableAcceleration: true } })).findings))
      .toEqual(['error  Schema aws.target.tunnelBandwidth']);
    expect(brief(validatePlan(withAws({ region: 'il-central-1', target: { kind: 'tgw', tunnelBandwidth: 'large' } })).findings))
      .toEqual(['error  Schema aws.target.tunnelBandwidth']);
  });
});
