import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';
import { CONNECTION_TYPE } from '../../check/views/alibaba';
import type { AlibabaGraphResource, AlibabaResourceGraph, AlibabaView } from '../../peers/alibaba/view';

function designOrder(design: AlibabaView): Violation[] {
  return design.connections.flatMap((connection, i): Violation[] => {
    const expected = design.connections[i - 1]?.resourceName;
    if (connection.after === expected) return [];
    return [{
      path: `connections[${i}].after`,
      message: expected === undefined
        ? `the first connection waits for '${connection.after}', which is not an earlier connection on the gateway.`
        : `${connection.name} ${connection.after === undefined ? 'does not wait' : `waits for '${connection.after}' instead of waiting`} for ${
          design.connections[i - 1].name
        }: both would be created on the gateway at once.`,
      fix: expected === undefined ? 'no predecessor.' : `after: '${expected}'.`,
    }];
  });
}

/** Every resource reachable from `start` through dependsOn. */
function reachable(start: string, byName: ReadonlyMap<string, AlibabaGraphResource>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(byName.get(start)?.dependsOn ?? [])];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(byName.get(name)?.dependsOn ?? []));
  }
  return seen;
}

function graphOrder(graph: AlibabaResourceGraph): Violation[] {
  const byName = new Map(graph.resources.map((r) => [r.name, r]));
  const connections = graph.resources.filter((r) => r.type === CONNECTION_TYPE);
  const violations: Violation[] = [];
  const ancestors = new Map(connections.map((c) => [c.name, reachable(c.name, byName)]));
  connections.forEach((a, i) => {
    for (const b of connections.slice(i + 1)) {
      if (a.gateway === undefined || a.gateway !== b.gateway) continue;
      if (ancestors.get(a.name)!.has(b.name) || ancestors.get(b.name)!.has(a.name)) continue;
      violations.push({
        path: b.name,
        message:
          `connections ${a.name} and ${b.name} on gateway ${a.gateway} do not wait for each other: Pulumi would create, change or delete them at once and the gateway refuses the second operation.`,
        fix: `dependsOn: [${a.name}] on ${b.name} (a chain over all connections of the gateway).`,
      });
    }
  });
  return violations;
}

export const AlibabaOneOperationAtATime: Rule = {
  id: 'AlibabaOneOperationAtATime',
  catalogue: ['C42'],
  level: 'error',
  summary: 'The IPsec connections of one Alibaba VPN gateway are created, changed and deleted one after the other.',
  explanation: 'Alibaba Cloud refuses an operation on a VPN gateway while another runs on it (errors VpnGateway.Configuring, ' +
    'VpnTask.CONFLICT, VpnConnection.Configuring, which the alicloud Terraform provider retries on connection create, update ' +
    'and delete). The program does not lean on retries: each connection depends on the one before it, so Pulumi runs them ' +
    'in order (and deletes them in reverse order).',
  fix: 'chain the connections of a gateway with dependsOn (the component does).',
  // The design's `after` chain, and once the component has registered its children, the dependsOn graph itself.
  alibaba: (view) => [...designOrder(view), ...(view.graph === undefined ? [] : graphOrder(view.graph))],
};
