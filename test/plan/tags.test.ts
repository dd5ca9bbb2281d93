/**
 * The plan's `tags` go on every resource of both clouds: what AWS or Azure would refuse at deploy is
 * refused when the plan is read (lib/plan/tags.ts, checked from lib/plan/schema.ts). The 50-tag
 * count includes the tags the AWS construct adds itself, which a synthesized stack shows.
 * No catalogue row covers tags; they are plan-shape findings (`Schema`), like a mistyped field.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../../lib/aws-entry';
import { azureDesign } from '../../lib/peers/azure/design';
import { AWS_CONSTRUCT_TAG_KEYS } from '../../lib/plan';
import { planVpn, validatePlan } from '../../lib/check/validate';

const tagFindings = (tags: Record<string, string>) => validatePlan({ tags }).findings.filter((f) => f.path === 'tags' || f.path.startsWith('tags.'));
const numbered = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`team${i}`, `value${i}`]));

/** Tag keys of every taggable resource of the construct, synthesized with `plan`'s tags. */
function tagCountsOfConstruct(tags: Record<string, string>): Record<string, number> {
  const app = new App();
  const stack = new Stack(app, 'Tags');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
  new AzureVpnConnections(stack, 'Vpn', { plan: planVpn({ tags }), vpc, azureGatewayPublicIps: ['20.10.0.1', '20.10.0.2'] });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, { Type: string; Properties?: { Tags?: unknown; }; }>;
  const counts: Record<string, number> = {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!id.startsWith('Vpn')) continue; // the VPC is not the construct's
    const tagList = resource.Properties?.Tags;
    if (Array.isArray(tagList)) counts[`${resource.Type} ${id}`] = tagList.length;
  }
  return counts;
}

describe('plan tags: what AWS and Azure accept', () => {
  test('a plan without tags, and ordinary tags, have no finding', () => {
    expect(tagFindings({})).toEqual([]);
    expect(tagFindings({ project: 'multicloud-vpn', 'cost center': '42', 'équipe': 'réseau', owner: 'net@example.com', path: 'a/b:c=d+e_f.g-h' }))
      .toEqual([]);
  });

  test(`50 tags per resource on AWS: ${50 - AWS_CONSTRUCT_TAG_KEYS.length} plan tags fill it together with the construct's own, and a synthesized stack shows exactly 50 on the fullest resource`, () => {
    const room = 50 - AWS_CONSTRUCT_TAG_KEYS.length;
    expect(tagFindings(numbered(room))).toEqual([]);
    const counts = tagCountsOfConstruct(numbered(room));
    expect(Math.max(...Object.values(counts))).toBe(50);
    expect(Object.entries(counts).filter(([, n]) => n === 50).map(([k]) => k.split(' ')[0])).toEqual([
      'AWS::EC2::VPNConnection',
      'AWS::EC2::VPNConnection',
    ]);
    // The construct's own keys are those AWS_CONSTRUCT_TAG_KEYS counts: no more on any resource.
    expect(Math.max(...Object.values(tagCountsOfConstruct({})))).toBe(AWS_CONSTRUCT_TAG_KEYS.length);
  });

  test('one plan tag more is refused before deploy, on `tags`, with the count, the rule and the room left', () => {
    const room = 50 - AWS_CONSTRUCT_TAG_KEYS.length;
    const result = validatePlan({ tags: numbered(room + 1) });
    expect(result.plan).toBeUndefined();
    const findings = tagFindings(numbered(room + 1));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'tags', level: 'error', ruleId: 'Schema' });
    expect(findings[0].message).toContain(`${room + 1} tags, plus the ${AWS_CONSTRUCT_TAG_KEYS.length} the AWS construct adds`);
    expect(findings[0].message).toContain('AWS allows at most 50 per resource');
    expect(findings[0].fix).toBe(`at most ${room} plan tags.`);
    // The construct's own key Name counts once when the plan sets it too.
    expect(tagFindings({ ...numbered(room), Name: 'mine' })).toEqual([]);
  });

  test("Azure's 50 per resource: 51 plan tags are refused for Azure as well (its resources carry the plan's tags only)", () => {
    const plan = planVpn({ tags: numbered(40) });
    expect(Object.keys(azureDesign(plan).tags)).toEqual(Object.keys(numbered(40)));
    const findings = tagFindings(numbered(51));
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('AWS allows at most 50 per resource'),
      expect.stringContaining('51 tags on each Azure resource; Azure allows at most 50 tag name/value pairs per resource'),
    ]);
  });

  test('a key of 128 characters and a value of 256 pass; 129 and 257 are refused, naming the key and the limit, never echoing the value', () => {
    expect(tagFindings({ ['k'.repeat(128)]: 'v'.repeat(256) })).toEqual([]);
    const longKey = tagFindings({ ['k'.repeat(129)]: 'v' });
    expect(longKey).toHaveLength(1);
    expect(longKey[0].path).toBe(`tags.${'k'.repeat(40)}…(129 characters)`);
    expect(longKey[0].message).toContain("has 129 characters, more than AWS's 128");
    expect(longKey[0].fix).toBe('a key of at most 128 characters.');
    const value = 'secretish'.repeat(1000);
    const longValue = tagFindings({ project: value });
    expect(longValue.map((f) => [f.path, f.message])).toEqual([[
      'tags.project',
      'the value has 9000 characters; AWS and Azure allow at most 256 in a tag value.',
    ]]);
    expect(JSON.stringify(longValue)).not.toContain('secretishsecretish');
  });

  test("a key over Azure's 512 characters names both limits; length counts Unicode characters, not UTF-16 units", () => {
    expect(tagFindings({ ['k'.repeat(513)]: 'v' })[0].message).toContain("more than AWS's 128 and Azure's 512");
    expect(tagFindings({ ['é'.repeat(128)]: '日'.repeat(256) })).toEqual([]);
    expect(tagFindings({ ['𝒜'.repeat(65)]: 'v' })).toEqual([]); // a letter outside the BMP: 130 UTF-16 units, 65 characters
  });

  test.each(['aws:team', 'AWS:team', 'Aws:Team'])("a key starting with '%s' (AWS's reserved prefix, any case) is refused", (key) => {
    const findings = tagFindings({ [key]: 'x' });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("starts with 'aws:', which AWS reserves");
    expect(findings[0].fix).toContain('"team"'.replace('team', key.slice(4)));
  });

  test("'aws' without the colon, or inside a key, is an ordinary key", () => {
    expect(tagFindings({ awsteam: 'x', 'team-aws:x': 'y' })).toEqual([]);
  });

  test.each(['<', '>', '%', '&', '\\', '?', '/'])("a key containing '%s' is refused: Azure tag names cannot contain it", (character) => {
    const findings = tagFindings({ [`cost${character}center`]: 'x' }).filter((f) => f.message.includes('Azure tag names'));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(`contains '${character}'`);
    expect(findings[0].fix).toBe('a key without those characters, e.g. "cost-center".');
  });

  test('characters AWS IAM refuses in tag keys or values (the construct tags its IAM roles) are refused; the allowed set passes', () => {
    const findings = tagFindings({ 'cost,center': 'x', project: 'a;b', team: 'net#1' });
    expect(findings.map((f) => [f.path, f.message])).toEqual([
      ['tags.cost,center', expect.stringContaining('contains ","; AWS IAM')],
      ['tags.project', expect.stringContaining('the value contains ";"')],
      ['tags.team', expect.stringContaining('the value contains "#"')],
    ]);
    expect(findings[0].fix).toContain('"cost-center"');
    // '/' is fine for AWS but not in an Azure tag name, so only the value has it here.
    expect(tagFindings({ 'a b_c.d:e=f+g-h@i': 'A Z 0 9 _ . : / = + - @' })).toEqual([]);
    expect(tagFindings({ team: '😀' }).map((f) => f.message)).toEqual([expect.stringContaining('the value contains "😀"')]);
  });

  test('an empty key is refused; an empty value is fine', () => {
    expect(tagFindings({ '': 'x' }).map((f) => f.message)).toEqual([expect.stringContaining('an empty tag key')]);
    expect(tagFindings({ project: '' })).toEqual([]);
  });

  test('every tag problem is reported at once', () => {
    const findings = tagFindings({ 'aws:a': 'ok', 'b?': 'ok', c: 'x'.repeat(300) });
    // '?' is refused by both Azure (tag names) and AWS IAM (tag keys): two findings on one key.
    expect(findings.map((f) => f.path)).toEqual(['tags.aws:a', 'tags.b?', 'tags.b?', 'tags.c']);
  });
});
