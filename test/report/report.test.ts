import { planVpn } from '../../lib/check/validate';
import { mermaidDiagram } from '../../lib/report/mermaid';
import { connectionTable, tunnelTable } from '../../lib/report/table';

describe('report', () => {
  test('the tunnel table has one row per tunnel in plan order', () => {
    const rows = tunnelTable(planVpn()).split('\n').slice(2);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/^\| AWS tunnel 1 to Azure instance 1 \| 169\.254\.21\.6 /);
  });

  test('a second plan on a shared gateway shows its own addresses', () => {
    const plan = planVpn({ azure: { apipaInUse: ['169.254.21.0/29', '169.254.22.0/29'] } });
    expect(tunnelTable(plan)).toContain('169.254.21.8/30');
    expect(connectionTable(plan)).toContain('not used (169.254.21.14)');
  });

  test('the diagram links each tunnel to its own local network gateway and instance', () => {
    const diagram = mermaidDiagram(planVpn());
    expect(diagram).toMatch(/VPN2 <-->\|"tunnel 2: 169\.254\.22\.4\/30<br\/>169\.254\.22\.5 ⇄ 169\.254\.22\.6"\| LNG_Instance1Tunnel2 --- INST1/);
    expect(diagram.match(/^ {4}LNG_/gm)).toHaveLength(4);
  });
});
