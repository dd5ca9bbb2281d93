/** The twin's per-tunnel table (markdown) and summary line. */
import type { TwinResult } from './twin';

const s = (ms?: number) => (ms === undefined ? '—' : (ms / 1000).toFixed(1));

export function twinTable(result: TwinResult): string {
  const rows = result.tunnels.map((t) => {
    const o = t.observation;
    const ike = o.ike === 'ESTABLISHED' ? `ESTABLISHED ${t.ikeAlgorithms ?? ''}`.trim() : `${o.ike}${o.ikeError ? ` (${o.ikeError})` : ''}`;
    const ipsec = o.child === 'INSTALLED' ? `INSTALLED ${t.ipsecDetail ?? ''}`.trim() : `${o.child}${o.childError ? ` (${o.childError})` : ''}`;
    const bgp = `${o.bgp}${o.bgpError ? ` (${o.bgpError})` : ''}`;
    const diagnosis = t.diagnosis ? `${t.diagnosis.row} ${t.diagnosis.catalogue.join(', ')}: ${t.diagnosis.reason}` : 'up';
    return `| ${t.tunnel} | ${t.awsOutside} ⇄ ${t.azureOutside}${
      t.azureInstance !== undefined ? ` (instance ${t.azureInstance})` : ''
    } | ${t.awsBgpIp} ⇄ ${t.azureBgpIp ?? '?'} | ${ike} | ${ipsec} | ${bgp} | ${t.routes.aws} / ${t.routes.azure} | ${s(t.times.ike)} / ${
      s(t.times.ipsec)
    } / ${s(t.times.bgp)} / ${s(t.times.routes)} | ${diagnosis} |`;
  });
  return [
    '| tunnel | outside AWS ⇄ Azure | BGP AWS ⇄ Azure | IKE | IPsec | BGP | prefixes AWS / Azure | s to IKE / IPsec / BGP / routes | diagnosis |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export function twinSummary(result: TwinResult): string {
  const t = result.timings;
  const up = result.tunnels.filter((x) => x.diagnosis === undefined).length;
  return `${result.plan}${result.fault ? ` with fault '${result.fault.id}'` : ''}: ${up} of ${result.tunnels.length} tunnels up` +
    `${
      result.allUp
        ? `, prefixes in the kernel routing tables: ${result.prefixesInFib ? 'yes' : 'NO'}, ping VPC → VNet: ${
          result.dataPlane ? 'ok' : 'FAILED'
        }, child SAs rekeyed with the PFS group: ${result.pfsRekeyed ? 'yes' : 'NO'}`
        : ''
    }. ` +
    `Time: emit ${s(t.emitMs)} s, start ${s(t.startMs)} s, up ${s(t.upMs)} s, checks ${s(t.checksMs)} s, teardown ${s(t.teardownMs)} s, total ${
      s(t.totalMs)
    } s.`;
}
