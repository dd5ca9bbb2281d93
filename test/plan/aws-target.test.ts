import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  awsTargetReplacements,
  awsTargetSchema,
  resolveAwsTarget,
  validateAwsTarget,
  type AwsTargetContext,
  type ResolvedAwsTarget,
} from '../../lib/plan/aws-target';
import { planVpn } from '../../lib/check/validate';
import type { Finding } from '../../lib/core/finding';

/** The plan fields the target checks read, at the plan's defaults (aws.asn 64512, active/active). */
const CONTEXT: AwsTargetContext = { aws: { asn: 64512, enableAcceleration: false }, azure: { activeActive: true } };
const EXISTING = {
  kind: 'tgw',
  transitGatewayId: 'tgw-0123456789abcdef0',
  defaultRouteTableAssociation: 'disable',
  defaultRouteTablePropagation: 'disable',
};

const check = (target: unknown, context: Partial<AwsTargetContext['aws']> & { activeActive?: boolean; } = {}) => {
  const { activeActive = true, ...aws } = context;
  return validateAwsTarget(target, { aws: { ...CONTEXT.aws, ...aws }, azure: { activeActive } });
};
/** The one finding at `path`; fails when there is none or several. */
const only = (findings: readonly Finding[], path: string) => {
  const at = findings.filter((f) => f.path === path);
  expect(at).toHaveLength(1);
  return at[0];
};
const resolved = (target: unknown, context = {}) => {
  const result = check(target, context);
  expect(result.findings.filter((f) => f.level === 'error')).toEqual([]);
  return result.target!;
};

describe('aws.target kind', () => {
  test("absent: a virtual private gateway, today's design, and nothing else", () => {
    expect(awsTargetSchema.parse(undefined)).toEqual({ kind: 'vgw' });
    expect(resolved(undefined)).toEqual({ kind: 'vgw' });
    expect(resolved({ kind: 'vgw' })).toEqual({ kind: 'vgw' });
  });

  test('an unknown kind names both valid kinds', () => {
    const f = only(check({ kind: 'tgx' }).findings, 'aws.target.kind');
    expect(f).toMatchObject({ level: 'error', ruleId: 'Schema' });
    expect(f.message).toContain('"tgx"');
    expect(f.fix).toContain("'vgw'");
    expect(f.fix).toContain("'tgw'");
  });

  test('tgw alone: a new gateway on aws.asn, ECMP on, a new route table, private subnets, standard tunnels', () => {
    expect(resolved({ kind: 'tgw' })).toEqual({
      kind: 'tgw',
      gateway: { kind: 'new', amazonSideAsn: 64512 },
      vpnEcmpSupport: true,
      defaultRouteTableAssociation: false,
      defaultRouteTablePropagation: false,
      routeTable: { kind: 'new' },
      subnets: { type: 'private' },
      enableAcceleration: false,
      tunnelBandwidth: 'standard',
      insideCidrsInUse: [],
    });
  });

  test('an unknown field of the tgw branch is refused with the fields allowed there', () => {
    const f = only(check({ kind: 'tgw', vpnEcmpSuport: 'enable' }).findings, 'aws.target.vpnEcmpSuport');
    expect(f.fix).toContain("did you mean 'vpnEcmpSupport'");
    expect(f.fix).toContain('tunnelBandwidth');
  });

  test.each([
    ['enableAcceleration', true, ['C27']],
    ['vpnEcmpSupport', 'enable', ['C29']],
    ['routeTable', 'new', ['C29']],
    ['vpcAttachment', { subnets: { type: 'private' } }, ['C28']],
    ['amazonSideAsn', 64512, ['C08']],
    ['tunnelBandwidth', 'large', []],
  ])('%s on a VGW target is refused by name, with its catalogue number (%j)', (field, value, catalogue) => {
    const f = only(check({ kind: 'vgw', [field]: value }).findings, `aws.target.${field}`);
    expect(f).toMatchObject({ level: 'error', catalogue });
    expect(f.message).toContain('only a transit gateway');
    expect(f.fix).toContain("kind 'tgw'");
  });
});

describe('aws.target.transitGatewayId', () => {
  test('an existing gateway by id (short and long ids) is used, none created', () => {
    for (const id of ['tgw-0123abcd', 'tgw-0123456789abcdef0']) {
      expect(resolved({ ...EXISTING, transitGatewayId: id })).toMatchObject({ gateway: { kind: 'existing', transitGatewayId: id } });
    }
  });

  test.each(['tgw-123', 'TGW-0123456789ABCDEF0', 'vgw-0123456789abcdef0', 'tgw-0123456789abcdef'])('%s is not a transit gateway id', (id) => {
    const f = only(check({ ...EXISTING, transitGatewayId: id }).findings, 'aws.target.transitGatewayId');
    expect(f.fix).toContain('tgw-0123456789abcdef0');
  });

  test.each(['defaultRouteTableAssociation', 'defaultRouteTablePropagation'])(
    'C29: an existing gateway must state %s (not readable at synth)',
    (field) => {
      const target: Record<string, unknown> = { ...EXISTING };
      delete target[field];
      const f = only(check(target).findings, `aws.target.${field}`);
      expect(f).toMatchObject({ level: 'error', catalogue: ['C29'], ruleId: 'TransitGatewayVpnRouting' });
      expect(f.fix).toContain('describe-transit-gateways');
    },
  );
});

describe('aws.target.amazonSideAsn (C08, C11)', () => {
  test('a new gateway takes it when it equals aws.asn', () => {
    expect(resolved({ kind: 'tgw', amazonSideAsn: 4200000001 }, { asn: 4200000001 })).toMatchObject({
      gateway: { kind: 'new', amazonSideAsn: 4200000001 },
    });
  });

  test.each([64511, 65535, 4199999999, 4294967295])('C08: %d is not a private ASN', (asn) => {
    const f = only(check({ kind: 'tgw', amazonSideAsn: asn }, { asn }).findings, 'aws.target.amazonSideAsn');
    expect(f).toMatchObject({ level: 'error', catalogue: ['C08'] });
    expect(f.fix).toContain('64512');
  });

  test('C11: differing from aws.asn is refused (the peer peers with aws.asn)', () => {
    const f = only(check({ kind: 'tgw', amazonSideAsn: 65001 }).findings, 'aws.target.amazonSideAsn');
    expect(f).toMatchObject({ level: 'error', catalogue: ['C11'], ruleId: 'PeerAsnsMatch' });
    expect(f.fix).toContain('aws.asn 65001');
  });

  test('C08: not for an existing gateway, whose ASN is fixed', () => {
    const f = only(check({ ...EXISTING, amazonSideAsn: 64512 }).findings, 'aws.target.amazonSideAsn');
    expect(f).toMatchObject({ level: 'error', catalogue: ['C08'] });
    expect(f.fix).toContain('Options.AmazonSideAsn');
  });
});

describe('aws.target.vpnEcmpSupport (C29)', () => {
  test("'enable' (the default) gives no finding", () => {
    expect(check({ kind: 'tgw', vpnEcmpSupport: 'enable' }).findings).toEqual([]);
  });

  test("C29: 'disable' with an active/active peer is allowed with a warning", () => {
    const result = check({ kind: 'tgw', vpnEcmpSupport: 'disable' });
    expect(only(result.findings, 'aws.target.vpnEcmpSupport')).toMatchObject({ level: 'warning', catalogue: ['C29'] });
    expect(result.target).toMatchObject({ vpnEcmpSupport: false });
  });

  test("C29: 'disable' with an active/standby peer is not warned about", () => {
    expect(check({ kind: 'tgw', vpnEcmpSupport: 'disable' }, { activeActive: false }).findings).toEqual([]);
  });

  test('anything but enable or disable is a shape error listing both', () => {
    expect(only(check({ kind: 'tgw', vpnEcmpSupport: 'on' }).findings, 'aws.target.vpnEcmpSupport').fix).toBe('one of "enable", "disable".');
    expect(only(check({ kind: 'tgw', vpnEcmpSupport: true }).findings, 'aws.target.vpnEcmpSupport').fix).toContain("'enable' | 'disable'");
  });
});

describe('aws.target.defaultRouteTableAssociation/Propagation and routeTable (C29)', () => {
  test("'default' route table with both defaults on: the gateway's own table", () => {
    expect(resolved({ kind: 'tgw', routeTable: 'default', defaultRouteTableAssociation: 'enable', defaultRouteTablePropagation: 'enable' }))
      .toMatchObject({ routeTable: { kind: 'default' }, defaultRouteTableAssociation: true, defaultRouteTablePropagation: true });
  });

  test.each([
    [{ defaultRouteTableAssociation: 'enable' }],
    [{ defaultRouteTableAssociation: 'enable', defaultRouteTablePropagation: 'disable' }],
  ])("C29: 'new' route table with default association on is refused (%j)", (defaults) => {
    const f = only(check({ kind: 'tgw', routeTable: 'new', ...defaults }).findings, 'aws.target.routeTable');
    expect(f).toMatchObject({ level: 'error', catalogue: ['C29'] });
    expect(f.message).toContain('Resource.AlreadyAssociated');
  });

  test("'new' route table with default propagation only on is allowed (the table still gets its own propagation)", () => {
    expect(resolved({ kind: 'tgw', defaultRouteTablePropagation: 'enable' })).toMatchObject({
      routeTable: { kind: 'new' },
      defaultRouteTablePropagation: true,
    });
  });

  test.each([{}, { defaultRouteTableAssociation: 'enable' }, { defaultRouteTablePropagation: 'enable' }])(
    "C29: 'default' route table unless the gateway both associates and propagates is refused (%j)",
    (defaults) => {
      const f = only(check({ kind: 'tgw', routeTable: 'default', ...defaults }).findings, 'aws.target.routeTable');
      expect(f).toMatchObject({ level: 'error', catalogue: ['C29'] });
    },
  );

  test('an existing route table of an existing gateway is used', () => {
    expect(resolved({ ...EXISTING, routeTable: { id: 'tgw-rtb-0123456789abcdef0' } })).toMatchObject({
      routeTable: { kind: 'existing', id: 'tgw-rtb-0123456789abcdef0' },
    });
  });

  test('C29: a route table id for a new gateway is refused', () => {
    const f = only(check({ kind: 'tgw', routeTable: { id: 'tgw-rtb-0123456789abcdef0' } }).findings, 'aws.target.routeTable.id');
    expect(f).toMatchObject({ level: 'error', catalogue: ['C29'] });
  });

  test.each([['tgw-0123456789abcdef0'], ['rtb-0123456789abcdef0']])('%s is not a transit gateway route table id', (id) => {
    expect(only(check({ ...EXISTING, routeTable: { id } }).findings, 'aws.target.routeTable.id').fix).toContain('tgw-rtb-');
  });

  test('any other route table string is refused, listing the literals', () => {
    expect(only(check({ kind: 'tgw', routeTable: 'shared' }).findings, 'aws.target.routeTable').fix).toContain('"new", "default"');
  });
});

describe('aws.target.vpcAttachment.subnets', () => {
  test.each(['private', 'isolated', 'public'])('by type %s', (type) => {
    expect(resolved({ kind: 'tgw', vpcAttachment: { subnets: { type } } })).toMatchObject({ subnets: { type } });
  });

  test('by ids, one per Availability Zone', () => {
    const ids = ['subnet-0123456789abcdef0', 'subnet-0123abcd'];
    expect(resolved({ kind: 'tgw', vpcAttachment: { subnets: { ids } } })).toMatchObject({ subnets: { ids } });
  });

  test('an unknown subnet type or a malformed id is refused', () => {
    expect(check({ kind: 'tgw', vpcAttachment: { subnets: { type: 'private-with-egress' } } }).target).toBeUndefined();
    const f = only(check({ kind: 'tgw', vpcAttachment: { subnets: { ids: ['sn-1'] } } }).findings, 'aws.target.vpcAttachment.subnets.ids[0]');
    expect(f.fix).toContain('subnet-0123456789abcdef0');
  });

  test('an id listed twice is refused at the second entry; an empty list is refused', () => {
    const twice = check({ kind: 'tgw', vpcAttachment: { subnets: { ids: ['subnet-0123abcd', 'subnet-0123abcd'] } } });
    expect(only(twice.findings, 'aws.target.vpcAttachment.subnets.ids[1]').message).toContain('twice');
    expect(check({ kind: 'tgw', vpcAttachment: { subnets: { ids: [] } } }).target).toBeUndefined();
  });
});

describe('aws.target.enableAcceleration (C27)', () => {
  test('on a transit gateway: allowed', () => {
    expect(resolved({ kind: 'tgw', enableAcceleration: true })).toMatchObject({ enableAcceleration: true });
  });

  test.each([[{ kind: 'vgw' }, 'virtual private gateway'], [{ kind: 'tgw' }, 'transit gateway target']])(
    'C27: the top-level aws.enableAcceleration is refused and points to aws.target (%j)',
    (target, said) => {
      const f = only(check(target, { enableAcceleration: true }).findings, 'aws.enableAcceleration');
      expect(f).toMatchObject({ level: 'error', catalogue: ['C27'], ruleId: 'NoAccelerationOnVgw' });
      expect(f.message).toContain(said);
      expect(f.fix).toContain('NAT-T');
    },
  );

  test('not a boolean: a shape error', () => {
    expect(only(check({ kind: 'tgw', enableAcceleration: 'yes' }).findings, 'aws.target.enableAcceleration').fix).toContain('boolean');
  });
});

describe('aws.target.tunnelBandwidth (AWS User Guide, Large Bandwidth Tunnels)', () => {
  test("'large' without acceleration: allowed", () => {
    expect(resolved({ kind: 'tgw', tunnelBandwidth: 'large' }, { region: 'eu-west-1' })).toMatchObject({ tunnelBandwidth: 'large' });
  });

  test("'large' with acceleration is refused, quoting AWS", () => {
    const f = only(check({ kind: 'tgw', tunnelBandwidth: 'large', enableAcceleration: true }).findings, 'aws.target.tunnelBandwidth');
    expect(f.message).toContain('Accelerated VPN is not supported');
    expect(f.fix).toContain("'standard'");
  });

  test("'large' in a region without Large Bandwidth Tunnels is refused; 'standard' there is fine", () => {
    expect(only(check({ kind: 'tgw', tunnelBandwidth: 'large' }, { region: 'eu-central-2' }).findings, 'aws.target.tunnelBandwidth').message)
      .toContain('eu-central-2');
    expect(check({ kind: 'tgw', tunnelBandwidth: 'standard', enableAcceleration: true }, { region: 'eu-central-2' }).findings).toEqual([]);
  });

  test('another value is a shape error listing standard and large', () => {
    expect(only(check({ kind: 'tgw', tunnelBandwidth: 'jumbo' }).findings, 'aws.target.tunnelBandwidth').fix).toBe('one of "standard", "large".');
  });
});

describe('aws.target.insideCidrsInUse (C04 per transit gateway)', () => {
  test('kept for an existing gateway', () => {
    expect(resolved({ ...EXISTING, insideCidrsInUse: ['169.254.10.0/30'] })).toMatchObject({ insideCidrsInUse: ['169.254.10.0/30'] });
  });

  test('C04: refused for a new gateway, which carries no other connection', () => {
    expect(only(check({ kind: 'tgw', insideCidrsInUse: ['169.254.10.0/30'] }).findings, 'aws.target.insideCidrsInUse')).toMatchObject({
      catalogue: ['C04'],
    });
  });
});

describe('examples/tgw-plan.json', () => {
  const file = JSON.parse(readFileSync(join(__dirname, '../../examples/tgw-plan.json'), 'utf8'));
  /** The plan without aws.target (the rest of the example is the default plan). */
  const withoutTarget = () => {
    const copy = structuredClone(file);
    delete copy.aws.target;
    return copy;
  };

  test('its target is a new TGW with ECMP on, a new route table, private subnets and no acceleration', () => {
    const spec = planVpn(withoutTarget());
    expect(check(file.aws.target, { asn: spec.aws.asn, activeActive: spec.azure.activeActive }).findings).toEqual([]);
    expect(resolved(file.aws.target)).toEqual({
      ...resolved({ kind: 'tgw' }),
      gateway: { kind: 'new', amazonSideAsn: 64512 },
      vpnEcmpSupport: true,
      routeTable: { kind: 'new' },
      subnets: { type: 'private' },
      enableAcceleration: false,
    });
  });

  test('the rest is the default plan, vpn-plan.json, unchanged', () => {
    expect(withoutTarget()).toEqual(JSON.parse(readFileSync(join(__dirname, '../../vpn-plan.json'), 'utf8')));
  });
});

describe('awsTargetReplacements (multicloud-vpn diff)', () => {
  const vgw: ResolvedAwsTarget = { kind: 'vgw' };
  const tgw = resolveAwsTarget({ ...awsTargetSchema.parse({ kind: 'tgw' }) }, CONTEXT);
  const tgwWith = (input: object) => resolveAwsTarget(awsTargetSchema.parse({ kind: 'tgw', ...input }), CONTEXT);

  test('no change replaces nothing; ECMP or subnets by the same value neither', () => {
    expect(awsTargetReplacements(vgw, vgw)).toEqual([]);
    expect(awsTargetReplacements(tgw, tgwWith({ vpnEcmpSupport: 'enable' }))).toEqual([]);
  });

  test.each([[vgw, tgw], [tgw, vgw], [tgw, tgwWith(EXISTING)]])('a gateway change replaces both connections (new outside IPs)', (before, after) => {
    const [r] = awsTargetReplacements(before, after);
    expect(r.resource).toBe('AWS VPN connections 1 and 2');
    expect(r.reasons[0]).toContain('create-only');
    expect(r.consequence).toContain('pulumi up');
  });

  test('acceleration on/off and tunnel bandwidth replace both connections', () => {
    expect(awsTargetReplacements(tgw, tgwWith({ enableAcceleration: true }))[0].reasons).toEqual([
      'aws.target.enableAcceleration false → true (create-only)',
    ]);
    expect(awsTargetReplacements(tgw, tgwWith({ tunnelBandwidth: 'large' }))[0].reasons[0]).toContain('tunnelBandwidth standard → large');
  });

  test("a new gateway's ASN change and a subnet change are flagged with what EC2 refuses", () => {
    const asn = awsTargetReplacements(tgw, resolveAwsTarget(awsTargetSchema.parse({ kind: 'tgw' }), { aws: { ...CONTEXT.aws, asn: 65010 } }));
    expect(asn).toEqual([expect.objectContaining({ resource: 'AWS transit gateway' })]);
    const subnets = awsTargetReplacements(tgw, tgwWith({ vpcAttachment: { subnets: { type: 'isolated' } } }));
    expect(subnets).toEqual([expect.objectContaining({ resource: 'AWS transit gateway VPC attachment' })]);
    expect(subnets[0].consequence).toContain('DuplicateTransitGatewayAttachment');
  });
});
