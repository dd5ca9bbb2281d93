/** The human report of a diagnosis: one table row per tunnel, then the findings, then what was not read. */
import type { Diagnosis, DoctorFinding } from './diagnose';

const dash = (v: unknown) => (v === undefined || v === '' ? '-' : String(v));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function formatFinding(f: DoctorFinding): string {
  const title = `${f.id}${f.severity === 'notice' ? ' (notice)' : ''}${f.tunnelId ? ` ${f.tunnelId}` : ''}: ${f.symptom}`;
  const evidence = f.evidence.map((e) => `    ${e}`).join('\n');
  const causes = f.causes
    .map((c, i) => `    ${i + 1}. ${c.indicated ? '[indicated] ' : ''}${c.text}${c.check.length ? ` (check ${c.check.join(', ')})` : ''}`)
    .join('\n');
  return `${title}\n  evidence:\n${evidence}\n  likely causes, in the documented order:\n${causes}`;
}

export function formatDiagnosis(d: Diagnosis): string {
  const rows = d.tunnels.map((t) => [
    t.tunnelId,
    `${t.awsConnection}/${t.awsTunnel}`,
    dash(t.outsideIp),
    t.awsStatus ? `${t.awsStatus}${t.awsStatusMessage ? ` (${t.awsStatusMessage})` : ''}` : '-',
    dash(t.azureStatus),
    `${dash(t.awsBgp)} / ${dash(t.azureBgp)}`,
    dash(t.routesAccepted),
    dash(t.routesLearned),
  ]);
  const parts = [
    `multicloud-vpn doctor: plan ${d.plan}, read at ${d.readAt}`,
    '',
    table(
      ['tunnel', 'conn/tun', 'outside IP', 'AWS status', 'Azure status', 'BGP AWS / Azure', 'routes accepted (AWS)', 'routes learned (Azure)'],
      rows,
    ),
    '',
  ];
  if (d.findings.length === 0 && d.unreadable.length === 0) {
    parts.push('No finding: every tunnel is up on both sides with routes, and the VPC routes, security groups and network ACLs admit the peer.');
  } else if (d.findings.length === 0) {
    parts.push('No finding in what could be read; what was not read is listed below, so this is no sign of health.');
  } else parts.push(`${d.findings.length} finding(s):`, '', d.findings.map(formatFinding).join('\n\n'));
  if (d.unreadable.length > 0) {
    parts.push('', `Not read (${d.unreadable.length}); the findings above do not cover it:`);
    for (const u of d.unreadable) {
      parts.push(`  ${u.cloud}: ${u.what}: ${u.code ? `${u.code}: ` : ''}${u.reason}${u.needs ? `\n    needs: ${u.needs}` : ''}`);
    }
  }
  parts.push('', `exit ${d.exitCode}: ${d.exitCode === 0 ? 'healthy' : d.exitCode === 1 ? 'a finding' : 'could not read enough to tell'}`);
  return parts.join('\n');
}
