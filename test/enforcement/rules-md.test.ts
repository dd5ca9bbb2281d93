import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main, renderRulesMarkdown, scopesOf } from '../../scripts/rules-md';
import { RULES } from '../../lib/rules/registry';
import { RouteTablesRouteToVpnGateway } from '../../lib/rules/RouteTablesRouteToVpnGateway';
import { InsideCidrIsApipaSlash30 } from '../../lib/rules/InsideCidrIsApipaSlash30';

describe('RULES.md generation (scripts/rules-md.ts)', () => {
  test('every registry rule gets a table row and a section with catalogue, level, scopes and fix', () => {
    const markdown = renderRulesMarkdown();
    for (const rule of RULES) {
      expect(markdown).toContain(`| [${rule.id}](#${rule.id.toLowerCase()}) | ${rule.level} | ${rule.catalogue.join(', ')} | ${scopesOf(rule).join(', ')} |`);
      expect(markdown).toContain(`## ${rule.id}\n`);
      expect(markdown).toContain(`**How to fix:** ${rule.fix}`);
    }
  });

  test('C28: scopes come from the checks a rule has, and cfn rules name their MultiCloudVpn id', () => {
    expect(scopesOf(RouteTablesRouteToVpnGateway)).toEqual(['cfn']);
    const markdown = renderRulesMarkdown([RouteTablesRouteToVpnGateway]);
    expect(markdown).toContain('`MultiCloudVpn-RouteTablesRouteToVpnGateway`');
    expect(markdown).toMatch(/1 rules cover 1 of the 37 catalogue numbers; not covered: C01, C02, .*, C27, C29, .*, C37 \(see the coverage table\)\./);
  });

  test('--check exits 0 on a fresh file and 1 with a clear message on a stale or missing one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-md-'));
    const file = path.join(dir, 'RULES.md');
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const rules = [InsideCidrIsApipaSlash30];
      expect(main(['--check'], file, rules)).toBe(1);
      expect(errors.mock.calls[0][0]).toContain('RULES.md does not exist');

      expect(main([], file, rules)).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(renderRulesMarkdown(rules));
      expect(main(['--check'], file, rules)).toBe(0);

      writeFileSync(file, readFileSync(file, 'utf8').replace(InsideCidrIsApipaSlash30.fix, 'edited by hand'));
      expect(main(['--check'], file, rules)).toBe(1);
      expect(errors.mock.calls[1][0]).toMatch(/RULES\.md is stale.*Run `npx ts-node --transpile-only scripts\/rules-md\.ts`/);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });
});

describe('RULES.md coverage table', () => {
  test('C34–C37 are listed as not enforceable with the reason; C28 names its rule and scope', () => {
    const markdown = renderRulesMarkdown();
    expect(markdown).toMatch(/^\| C34 \| — \| — \| Alibaba Cloud peer: .+ \|$/m);
    expect(markdown).toMatch(/^\| C28 \| \[RouteTablesRouteToVpnGateway\]\(#routetablesroutetovpngateway\) \| cfn \| Subnets on the VPC main route table/m);
    expect(markdown.match(/^\| C\d{2} \|/gm)).toHaveLength(37);
  });
});
