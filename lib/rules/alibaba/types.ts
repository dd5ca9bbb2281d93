/**
 * Rules over the Alibaba Cloud design (lib/peers/alibaba/design.ts) and over the component's resource
 * graph. Same fields as `Rule` (../types.ts) with the `alibaba` scope of CONSTRAINTS.md; the lead
 * folds this into the new Rule type of issue 9. Pure: no Pulumi import.
 */
import type { AlibabaDesign } from '../../peers/alibaba/design';
import { toFinding, type CatalogueNumber, type Finding, type Level, type Rule, type Violation } from '../types';

/** A child resource of the Alibaba component, as registered: its type token, name and what it waits for. */
export interface AlibabaGraphResource {
  /** Pulumi type token, e.g. `alicloud:vpn/connection:Connection`. */
  readonly type: string;
  readonly name: string;
  /** For a connection: the name of the VPN gateway resource it is created on. */
  readonly gateway?: string;
  /** Names of the resources it explicitly depends on (`dependsOn`). */
  readonly dependsOn: readonly string[];
}

export interface AlibabaResourceGraph {
  readonly resources: readonly AlibabaGraphResource[];
}

export interface AlibabaRule {
  /** Stable id, PascalCase. */
  readonly id: string;
  readonly catalogue: readonly CatalogueNumber[];
  readonly level: Level;
  readonly summary: string;
  /** Why, with the source (seed 002, Alibaba or AWS page). */
  readonly explanation: string;
  readonly fix: string;
  readonly alibaba: (design: AlibabaDesign) => readonly Violation[];
  /** Checks on the registered resources, for what only the graph shows (C42). */
  readonly graph?: (graph: AlibabaResourceGraph) => readonly Violation[];
}

export const CONNECTION_TYPE = 'alicloud:vpn/connection:Connection';

function asRule(rule: AlibabaRule): Rule {
  const { id, catalogue, level, summary, explanation, fix } = rule;
  return { id, catalogue, level, summary, explanation, fix };
}

export function checkAlibabaDesign(design: AlibabaDesign, rules: readonly AlibabaRule[]): Finding[] {
  return rules.flatMap((rule) => rule.alibaba(design).map((v) => toFinding(asRule(rule), v)));
}

export function checkAlibabaGraph(graph: AlibabaResourceGraph, rules: readonly AlibabaRule[]): Finding[] {
  return rules.flatMap((rule) => (rule.graph?.(graph) ?? []).map((v) => toFinding(asRule(rule), v)));
}

/** `connections[0].tunnels[1]` */
export function tunnelPath(connectionIndex: number, tunnelIndex: number): string {
  return `connections[${connectionIndex}].tunnels[${tunnelIndex}]`;
}
