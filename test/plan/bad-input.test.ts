/**
 * Bad input never gives a stack trace (issue 8 part 5): every reader of user JSON (the plan, both
 * hand-off files) answers a finding for a deeply nested, oversized, mis-encoded or malformed file;
 * messages quote at most a short excerpt of a value and never the text around a syntax error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsOutputsError, awsOutputsFromText, readAwsOutputs } from '../../lib/handoff/aws-outputs';
import { AzureOutputsError, readAzureOutputs } from '../../lib/handoff/azure-outputs';
import { AWS_HANDOFF_FORMAT } from '../../lib/handoff/formats';
import { EXCERPT_LENGTH, excerpt, quoted } from '../../lib/core/excerpt';
import { validatePlanFile } from '../../lib/check/file';
import { DEFAULT_MAX_JSON_DEPTH, parseJsonText, readJsonFile } from '../../lib/plan/json-input';
import { planVpn, validatePlan } from '../../lib/check/validate';
import { formatFinding } from '../../lib/core/finding';

const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;
function write(content: string | Buffer): string {
  const file = join(dir, `f${count++}.json`);
  writeFileSync(file, content);
  return file;
}

/** 5,000 levels of `{"a":…}` (a 30 kB file) or `[…]` (10 kB), the input that used to overflow the stack. */
const DEEP_OBJECT = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
const DEEP_ARRAY = '['.repeat(5000) + ']'.repeat(5000);
const plan = planVpn({ name: 'aws-azure-vpn' });

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('readJsonFile / parseJsonText: one safe JSON reader', () => {
  test.each([
    ['5,000 nested objects', DEEP_OBJECT],
    ['5,000 nested arrays', DEEP_ARRAY],
    ['5,000 nested arrays, then a syntax error', '['.repeat(5000) + ',' + ']'.repeat(5000)],
  ])('%s: refused with the depth and where it is exceeded, no RangeError', (_name, text) => {
    const result = readJsonFile(write(text));
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining(`more than ${DEFAULT_MAX_JSON_DEPTH} levels deep (line 1, column`) });
  });

  test('nesting at the limit is accepted, one level more is not', () => {
    const at = (n: number) => '['.repeat(n) + ']'.repeat(n);
    expect(parseJsonText(at(DEFAULT_MAX_JSON_DEPTH))).toMatchObject({ ok: true });
    expect(parseJsonText(at(DEFAULT_MAX_JSON_DEPTH + 1))).toMatchObject({ ok: false });
  });

  test.each([
    ['a trailing comma', '{\n  "name": "x",\n}', 'line 3, column 1', 'field name'],
    ['a key outside its object', '{\n  "aws": { "asn": 64512 }\n  "s3cr3tKeyTypedHere": 1\n}', 'line 3, column 3', "','"],
    ['a comment', '{ "a": 1 // note\n}', 'line 1, column 10', 'comment'],
    ['an unquoted key', '{ s3cr3tKeyTypedHere: 1 }', 'line 1, column 3', 'double quotes'],
    ['a doubled comma', '[1,2,,3]', 'line 1, column 6', 'value was expected'],
    ['a misspelt literal', '{ "a": treu }', 'line 1, column 8', 'lower case'],
    ['text after the value', '{ "a": 1 } s3cr3tKeyTypedHere', 'line 1, column 12', 'cannot start a JSON value'],
  ])('a syntax error (%s) gives line and column and what was expected, never the text around it', (_name, text, where, what) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    const { problem, fix } = result as { problem: string; fix: string; };
    expect(problem).toContain(where);
    expect(problem).toContain(what);
    expect(`${problem} ${fix}`).not.toMatch(/s3cr3tKeyTypedHere|"asn"|"name"|treu/);
  });

  test('a file cut short says so with the line and column of its end; an empty file says it is empty', () => {
    expect(parseJsonText('{\n  "aws": {')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/ends before the value is complete \(line 2, column 11\)/),
    });
    expect(readJsonFile(write(''))).toMatchObject({ ok: false, problem: 'is empty.' });
  });

  test.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]), 'UTF-8 with a byte order mark'],
    ['UTF-16 LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]), 'UTF-16 (little-endian)'],
    ['UTF-16 BE with a BOM', Buffer.from([0xfe, 0xff, 0, 0x7b, 0, 0x7d]), 'UTF-16 (big-endian)'],
    ['UTF-16 LE without a BOM', Buffer.from('{"name":"x"}', 'utf16le'), 'UTF-16 (little-endian)'],
    ['Latin-1', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]), 'not UTF-8 text'],
  ])('%s gets "save it as UTF-8"', (_name, bytes, what) => {
    const result = readJsonFile(write(bytes));
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining(what), fix: expect.stringContaining('save it as UTF-8') });
  });

  test('plain UTF-8, including non-ASCII text, is read', () => {
    expect(readJsonFile(write(Buffer.from('{"tags":{"owner":"Zoë"}}', 'utf8')))).toEqual({ ok: true, value: { tags: { owner: 'Zoë' } } });
  });

  test('a file over the size limit is not read into memory', () => {
    const file = write(`{"name":"${'x'.repeat(2000)}"}`);
    expect(readJsonFile(file, { maxBytes: 1000 })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/is 2011 bytes; at most 1000 are read/),
    });
    expect(readJsonFile(file)).toMatchObject({ ok: true });
  });
});

describe('excerpt: the one way a message quotes a value', () => {
  test('short values print whole; a long string is cut with its length said', () => {
    expect(excerpt('10.0.0.0/8')).toBe('"10.0.0.0/8"');
    expect(quoted('VpnGw2AZ')).toBe("'VpnGw2AZ'");
    expect(excerpt(64512)).toBe('64512');
    expect(excerpt(undefined)).toBe('nothing');
    const long = excerpt('y'.repeat(50_000_000));
    expect(long.length).toBeLessThan(EXCERPT_LENGTH + 40);
    expect(long).toContain('(50000000 characters)');
  });

  test('objects and arrays by kind and size (no content, no recursion); control characters escaped', () => {
    expect(excerpt({ psk: 'never-shown' })).toBe('an object');
    expect(excerpt([1, 2, 3])).toBe('an array of 3 items');
    expect(excerpt(JSON.parse(DEEP_OBJECT))).toBe('an object');
    expect(excerpt('a\nERROR forged line')).toBe('"a\\nERROR forged line"');
  });

  test('a surrogate pair is never cut in half', () => {
    const cut = excerpt('a'.repeat(EXCERPT_LENGTH - 1) + '😀'.repeat(10));
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('the plan readers (C01–C33 run on what they read)', () => {
  test.each([['objects', DEEP_OBJECT], ['arrays', DEEP_ARRAY]])(
    'a plan file nested 5,000 levels (%s) is one finding, no RangeError',
    (_name, text) => {
      const { plan: result, findings } = validatePlanFile(write(text));
      expect(result).toBeUndefined();
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toMatch(/levels deep/);
    },
  );

  test('a deeply nested value given through the API (not a file) is a shape finding, not a RangeError', () => {
    const { findings } = validatePlan({ tags: JSON.parse(DEEP_OBJECT) });
    expect(findings.map((f) => `${f.path} ${f.message}`)).toContain('tags.a expected string, got an object.');
  });

  test('a plan file with a BOM says "save it as UTF-8"; a syntax error names line and column only', () => {
    const bom = validatePlanFile(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')])));
    expect(formatFinding(bom.findings[0])).toMatch(/byte order mark.*save it as UTF-8/);
    const typo = validatePlanFile(write('{\n  "azure": { "asn": 65000 }\n  "myS3cretPassphrase": true\n}'));
    expect(typo.findings[0].message).toMatch(/is not valid JSON at line 3, column 3/);
    expect(formatFinding(typo.findings[0])).not.toContain('myS3cretPassphrase');
  });

  test('a 50 MB name or key makes a short message (schema findings)', () => {
    const huge = 'n'.repeat(50_000_000);
    for (const input of [{ name: huge }, { [huge]: 1 }, { aws: { asn: huge } }, { tags: { [huge]: 5 } }]) {
      const { findings } = validatePlan(input);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(formatFinding(f).length).toBeLessThan(600);
    }
  });

  test('C18, C17, C01, C04, C24, C16: a long value in any string field is quoted as an excerpt by the rules', () => {
    const long = 'x'.repeat(100_000);
    const inputs = [
      { aws: { vpcCidr: long } },
      { azure: { vnetCidr: long } },
      { azure: { gatewaySubnetCidr: long } },
      { azure: { sku: long } },
      { azure: { generation: long } },
      { azure: { apipaInUse: [long] } },
      { tunnels: [{ azureInstance: 0 as const, awsTunnel: 1 as const, insideCidr: long }] },
      { ipsec: { phase1: { encryption: long, integrity: long }, phase2: { encryption: long, integrity: long } } },
      { aws: { region: long } },
      { azure: { location: long, resourceGroupName: long, vnetName: long, gatewayName: long } },
      { tags: { [long]: long } },
    ];
    for (const input of inputs) {
      const { findings } = validatePlan(input);
      for (const f of findings) expect(formatFinding(f).length).toBeLessThan(1000);
      if (findings.some((f) => f.ruleId !== 'Schema')) expect(findings.map((f) => f.message).join(' ')).toContain('(100000 characters)');
    }
  });
});

describe('schema errors and rule findings together (every finding at once)', () => {
  test('C07: a typo in one field does not hide the rule errors of the fields that did parse', () => {
    const { plan: result, findings } = validatePlan({ aws: { asn: 65000, vpcCidr: 12 }, azure: { asn: 65000, skuu: 'VpnGw2AZ' } });
    expect(result).toBeUndefined();
    const seen = findings.map((f) => `${f.ruleId} ${f.path}`);
    expect(seen).toContain('Schema aws.vpcCidr');
    expect(seen).toContain('Schema azure.skuu');
    // The ASNs parsed: the rule that they differ (C07) still runs.
    expect(findings.some((f) => f.ruleId === 'AzureAndAwsAsnsDiffer' && f.path === 'azure.asn')).toBe(true);
    // Without the typos, the same rule finding alone (the fixture is not wrong by accident).
    expect(validatePlan({ aws: { asn: 65000 }, azure: { asn: 65000 } }).findings.map((f) => f.ruleId)).toEqual(['AzureAndAwsAsnsDiffer']);
  });

  test('C18: a refused field is not also reported by a rule that saw its default in its place', () => {
    // vpcCidr is refused; at its default 10.2.0.0/16 it would overlap this VNet (C18), which must not be said.
    const { findings } = validatePlan({ aws: { vpcCidr: 12 }, azure: { vnetCidr: '10.2.0.0/16' } });
    expect(findings.filter((f) => f.path.startsWith('aws.vpcCidr')).map((f) => f.ruleId)).toEqual(['Schema']);
  });

  test('C07: a refused field is not judged by its default: a cross-field rule naming it stays silent', () => {
    // aws.asn "x" is refused; its default 64512 equals azure.asn, but that is not what the user wrote.
    const refused = validatePlan({ aws: { asn: 'x' }, azure: { asn: 64512 } }).findings;
    expect(refused.some((f) => f.ruleId === 'Schema' && f.path === 'aws.asn')).toBe(true);
    expect(refused.filter((f) => f.catalogue.includes('C07'))).toEqual([]);
    // Control: the same ASN written on both sides is C07.
    const same = validatePlan({ aws: { asn: 64512 }, azure: { asn: 64512 } }).findings;
    expect(same.some((f) => f.catalogue.includes('C07'))).toBe(true);
  });

  test('C01, C07: a bad tunnel entry drops the tunnel list from the rules, not the other sections', () => {
    const { findings } = validatePlan({
      tunnels: [{ azureInstance: 3, awsTunnel: 1, insideCidr: '169.254.21.1/30' }],
      aws: { asn: 65000 },
      azure: { asn: 65000 },
    });
    expect(findings.some((f) => f.path === 'tunnels[0].azureInstance' && f.ruleId === 'Schema')).toBe(true);
    expect(findings.some((f) => f.path.startsWith('tunnels') && f.ruleId !== 'Schema')).toBe(false);
    expect(findings.some((f) => f.catalogue.includes('C07'))).toBe(true);
  });

  test('a plan that is not an object at all gives its shape finding only', () => {
    expect(validatePlan('vpn').findings.map((f) => f.ruleId)).toEqual(['Schema']);
  });
});

describe('C05, C15: the AWS hand-off reader', () => {
  test.each([['objects', DEEP_OBJECT], ['arrays', DEEP_ARRAY]])('an outputs file nested 5,000 levels (%s) is an AwsOutputsError', (_name, text) => {
    const error = thrown(() => readAwsOutputs(write(text), plan));
    expect(error).toBeInstanceOf(AwsOutputsError);
    expect(error.message).toMatch(/levels deep/);
  });

  test('a hand-off output whose JSON string is nested 5,000 levels is named, not a RangeError', () => {
    const text = JSON.stringify({ Stack: { VpnHandoff: DEEP_ARRAY } });
    const error = thrown(() => awsOutputsFromText(text, plan, 'aws-outputs.json'));
    expect(error).toBeInstanceOf(AwsOutputsError);
    expect(error.message).toMatch(/Stack\.VpnHandoff \(nests objects or arrays more than 64 levels deep/);
  });

  test('a BOM, and a 50 MB plan name in the hand-off, give short messages', () => {
    const bom = thrown(() => readAwsOutputs(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')])), plan));
    expect(bom.message).toMatch(/save it as UTF-8/);
    const huge = JSON.stringify({ Stack: { VpnHandoff: JSON.stringify({ format: AWS_HANDOFF_FORMAT, plan: 'p'.repeat(50_000_000) }) } });
    const error = thrown(() => awsOutputsFromText(huge, plan, 'aws-outputs.json'));
    expect(error.message.length).toBeLessThan(1000);
    expect(error.message).toContain('(50000000 characters)');
  });
});

describe('C14, C15: the Azure hand-off reader', () => {
  test.each([['objects', DEEP_OBJECT], ['arrays', DEEP_ARRAY]])('an outputs file nested 5,000 levels (%s) is an AzureOutputsError', (_name, text) => {
    const error = thrown(() => readAzureOutputs(write(text)));
    expect(error).toBeInstanceOf(AzureOutputsError);
    expect(error.message).toMatch(/levels deep/);
  });

  test('"[secret]" where the gateway IPs belong gets the --show-secrets hint; a plain bad value does not', () => {
    for (const outputs of [{ gatewayPublicIps: '[secret]' }, { gatewayPublicIps: ['[secret]', '[secret]'] }]) {
      expect(thrown(() => readAzureOutputs(write(JSON.stringify(outputs)))).message).toContain('pulumi stack output --json --show-secrets');
    }
    expect(thrown(() => readAzureOutputs(write(JSON.stringify({ gatewayPublicIps: ['10.0.0.1', '10.0.0.2'] })))).message).not.toContain(
      '--show-secrets',
    );
  });

  test('UTF-16 gets "save it as UTF-8"; a huge list or address is quoted short', () => {
    expect(thrown(() => readAzureOutputs(write(Buffer.from('{"gatewayPublicIps":[]}', 'utf16le')))).message).toMatch(/UTF-16.*save it as UTF-8/s);
    const many = thrown(() => readAzureOutputs(write(JSON.stringify({ gatewayPublicIps: Array.from({ length: 100_000 }, () => 'x'.repeat(20)) }))));
    expect(many.message.length).toBeLessThan(1500);
    expect(many.message).toContain('got 100000');
  });
});
