import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureOutputsError, documentationAddressWarnings, documentationRangeOf, readAzureOutputs } from '../../lib/handoff';

describe('C14, C15: readAzureOutputs (pulumi stack output --json)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'azure-outputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const messageOf = (file: string) => {
    try {
      readAzureOutputs(file);
    } catch (e) {
      expect(e).toBeInstanceOf(AzureOutputsError);
      return (e as Error).message;
    }
    throw new Error('expected an AzureOutputsError');
  };

  test('C15: reads the two gateway IPs in instance order, and the optional ids; other outputs are ignored', () => {
    const file = write(
      'good.json',
      JSON.stringify({
        gatewayPublicIps: ['20.10.0.1', '20.10.0.2'],
        gatewayId: '/subscriptions/x/resourceGroups/TestRG1/providers/Microsoft.Network/virtualNetworkGateways/VNet1GW',
        connectionIds: ['a', 'b'],
        somethingElse: 42,
      }),
    );
    expect(readAzureOutputs(file)).toEqual({
      gatewayPublicIps: ['20.10.0.1', '20.10.0.2'],
      gatewayId: '/subscriptions/x/resourceGroups/TestRG1/providers/Microsoft.Network/virtualNetworkGateways/VNet1GW',
      connectionIds: ['a', 'b'],
    });
  });

  test('the repository sample (documentation-range addresses, RFC 5737) is read, and flagged as documentation addresses', () => {
    const sample = readAzureOutputs(join(__dirname, '../../samples/azure-outputs.json'));
    expect(sample.gatewayPublicIps).toHaveLength(2);
    expect(sample.gatewayPublicIps[0]).not.toBe(sample.gatewayPublicIps[1]);
    expect(documentationAddressWarnings(sample.gatewayPublicIps, 'gatewayPublicIps')).toEqual([
      expect.stringMatching(/^gatewayPublicIps\[0\]: 203\.0\.113\.10 is in 203\.0\.113\.0\/24.*this template targets documentation addresses/),
      expect.stringMatching(/^gatewayPublicIps\[1\]: 203\.0\.113\.11 is in 203\.0\.113\.0\/24/),
    ]);
  });

  test('C15: each RFC 5737 range is a documentation range, its neighbours and public addresses are not; tokens are skipped', () => {
    for (
      const [ip, range] of [['192.0.2.0', '192.0.2.0/24'], ['192.0.2.255', '192.0.2.0/24'], ['198.51.100.1', '198.51.100.0/24'], [
        '203.0.113.254',
        '203.0.113.0/24',
      ]]
    ) {
      expect([ip, documentationRangeOf(ip)]).toEqual([ip, range]);
    }
    for (const ip of ['192.0.1.255', '192.0.3.0', '198.51.101.1', '203.0.112.9', '20.10.0.1', 'not-an-ip']) {
      expect([ip, documentationRangeOf(ip)]).toEqual([ip, undefined]);
    }
    expect(documentationAddressWarnings(['20.10.0.1', '20.10.0.2'], 'ips')).toEqual([]);
    expect(documentationAddressWarnings(['${Token[1]}', '192.0.2.1'], 'ips', (v) => String(v).startsWith('${'))).toEqual([
      expect.stringMatching(/^ips\[1\]: 192\.0\.2\.1/),
    ]);
  });

  test('a missing file names the file and says how to produce it', () => {
    const message = messageOf(join(dir, 'absent.json'));
    expect(message).toContain(join(dir, 'absent.json'));
    expect(message).toMatch(/the file cannot be read: ENOENT/);
    expect(message).toMatch(/pulumi stack output --json/);
  });

  test('bad JSON and a non-object are refused with the file name', () => {
    expect(messageOf(write('bad.json', '{ "gatewayPublicIps": ['))).toMatch(
      /bad\.json is not usable as Azure outputs:\n {2}the file is not valid JSON: it ends before the value is complete \(line 1, column 24\)/,
    );
    expect(messageOf(write('array.json', '["20.10.0.1"]'))).toMatch(/expected a JSON object of stack outputs, got an array/);
  });

  test('C14: a missing field, a single IP, a private IP and wrong optional fields are all reported at once', () => {
    expect(messageOf(write('missing.json', '{}'))).toMatch(/gatewayPublicIps: expected an array of two IPv4 addresses, got nothing/);
    const message = messageOf(write('short.json', JSON.stringify({ gatewayPublicIps: ['192.168.1.4'], gatewayId: 7, connectionIds: 'x' })));
    expect(message).toMatch(/gatewayPublicIps: expected exactly two addresses .* got 1/);
    expect(message).toMatch(/gatewayPublicIps\[0\]: "192\.168\.1\.4" is not a public address \(range: private\)/);
    expect(message).toMatch(/gatewayId: expected a string, got 7/);
    expect(message).toMatch(/connectionIds: expected an array of strings, got "x"/);
  });

  test('C14: secrets left masked by Pulumi, duplicates and IPv6 are refused', () => {
    expect(messageOf(write('masked.json', JSON.stringify({ gatewayPublicIps: ['[secret]', '20.10.0.2'] }))))
      .toMatch(/gatewayPublicIps\[0\]: "\[secret\]" is not an IPv4 address/);
    expect(messageOf(write('same.json', JSON.stringify({ gatewayPublicIps: ['20.10.0.1', '20.10.0.1'] }))))
      .toMatch(/both instances have "20\.10\.0\.1"/);
    expect(messageOf(write('v6.json', JSON.stringify({ gatewayPublicIps: ['2001:db8::1', '20.10.0.2'] }))))
      .toMatch(/gatewayPublicIps\[0\]: "2001:db8::1" is not an IPv4 address/);
  });
});
