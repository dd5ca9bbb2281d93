import type { AzureView } from '../../peers/azure/view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function gatewayProblems(view: AzureView): Violation[] {
  const { gateway, publicIps } = view;
  const at = (field: string) => `gateway ${gateway.name}.${field}`;
  const violations: Violation[] = [];
  if (!gateway.activeActive) {
    violations.push({
      path: at('activeActive'),
      message: 'activeActive is false: an active/standby gateway supports one custom APIPA BGP address, so only one AWS tunnel.',
      fix: 'activeActive true.',
    });
  }
  if (gateway.ipConfigurations.length !== 2) {
    violations.push({
      path: at('ipConfigurations'),
      message: `${gateway.ipConfigurations.length} IP configuration(s); an active/active gateway has one per instance.`,
      fix: 'two IP configurations, each with its own public IP.',
    });
  }
  const names = gateway.ipConfigurations.map((c) => c.publicIpName);
  const ips = gateway.ipConfigurations.flatMap((config) => {
    const ip = publicIps.find((p) => p.name === config.publicIpName);
    if (ip === undefined) {
      violations.push({
        path: at(`ipConfigurations.${config.name}`),
        message: `public IP '${config.publicIpName}' is not among the deployment's public IPs.`,
        fix: `one of ${publicIps.map((p) => p.name).join(', ') || '(none)'} or a new Standard, Static public IP.`,
      });
      return [];
    }
    return [ip];
  });
  if (new Set(names).size !== names.length) {
    violations.push({
      path: at('ipConfigurations'),
      message: `the IP configurations share a public IP (${names.join(', ')}); each instance needs its own.`,
      fix: 'two distinct public IPs.',
    });
  }
  for (const ip of ips) {
    if (!same(ip.sku, 'Standard')) {
      violations.push({
        path: `publicIp ${ip.name}.sku`,
        message: `SKU '${ip.sku}'; a VPN gateway public IP is Standard (Basic IPs are retired for VPN gateways).`,
        fix: 'Standard.',
      });
    }
    if (!same(ip.allocationMethod, 'Static')) {
      violations.push({
        path: `publicIp ${ip.name}.allocationMethod`,
        message: `allocation '${ip.allocationMethod}'; a Standard public IP of a gateway is Static.`,
        fix: 'Static.',
      });
    }
  }
  if (ips.length === 2) {
    const [a, b] = ips;
    const zones = (z: readonly string[]) => [...z].sort().join(',');
    if (!same(a.sku, b.sku)) {
      violations.push({
        path: `publicIp ${b.name}.sku`,
        message: `'${b.sku}' differs from '${a.sku}' of ${a.name}; both public IPs of the gateway have the same SKU.`,
        fix: `${a.sku}.`,
      });
    }
    if (zones(a.zones) !== zones(b.zones)) {
      violations.push({
        path: `publicIp ${b.name}.zones`,
        message: `zones [${b.zones.join(', ')}] differ from [${
          a.zones.join(', ')
        }] of ${a.name}; both public IPs of an active/active gateway have the same zones.`,
        fix: `[${a.zones.join(', ')}].`,
      });
    }
  }
  return violations;
}

export const AzureGatewayActiveActive: Rule = {
  id: 'AzureGatewayActiveActive',
  catalogue: ['C14'],
  level: 'error',
  summary: 'The Azure gateway is active/active: two IP configurations, two Standard Static public IPs of the same SKU and zones.',
  explanation: 'Seed 004 (Azure AWS-BGP tutorial): an active/passive VPN gateway supports only one custom APIPA BGP address, so ' +
    'connecting several AWS tunnels requires active/active. The Azure active/active gateway documentation requires a ' +
    'second IP configuration with its own public IP; both public IPs are Standard, Static, with identical SKU and zones.',
  fix: 'azure.activeActive true; two Standard, Static public IPs with the same zones, one per IP configuration.',
  plan: ({ spec }) =>
    spec.azure.activeActive
      ? []
      : [{
        path: 'azure.activeActive',
        message: 'false: an active/standby Azure gateway supports one custom APIPA BGP address, so it cannot terminate the four AWS tunnels.',
        fix: 'true (the default).',
      }],
  azure: gatewayProblems,
};
