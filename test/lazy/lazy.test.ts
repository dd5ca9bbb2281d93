/**
 * The two stand-ins of jest.config.js's moduleNameMapper (test/lazy/*.js) keep @pulumi/pulumi from
 * loading the TypeScript compiler and npm's arborist in every Pulumi test file (about a second of
 * CPU each). A Pulumi upgrade that reads them differently at start-up would silently bring the cost
 * back: this builds the Azure component under mocks and checks that neither was loaded, and that the
 * stand-ins still hand out the real modules when something does use them.
 */
import * as pulumi from '@pulumi/pulumi';
import { AzureVpnGateway } from '../../lib/peers/azure/pulumi/component';
import { planVpn } from '../../lib/check/validate';
import { installMocks, valueOf } from '../peers/azure/mocks';

const loaded = (): Set<string> => (globalThis as Record<symbol, Set<string> | undefined>)[Symbol.for('multicloud-vpn.test.lazy-loaded')] ?? new Set();

test('a Pulumi program under mocks loads neither the TypeScript compiler nor arborist', async () => {
  const record = await installMocks();
  const vpn = new AzureVpnGateway('vpn', { plan: planVpn() });
  await valueOf(pulumi.all([vpn.gatewayId, vpn.gatewayPublicIps]));
  expect(record.resources.length).toBeGreaterThan(0);
  expect([...loaded()]).toEqual([]);
});

test('the stand-ins are the real modules on first use', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  expect(ts.transpileModule('const a: number = 1;', {}).outputText).toMatch(/^var a = 1;/);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Arborist } = require('@npmcli/arborist') as { Arborist: unknown };
  expect(typeof Arborist).toBe('function');
  expect([...loaded()].sort()).toEqual(['@npmcli/arborist', 'typescript']);
});
