/** What the plan-scope rules read: the parsed spec and the draft tunnels, before resolution. */
import type { PlanSpec } from './schema';
import type { AwsTunnelNumber, AzureInstance, ResolvedPlan } from './types';

/** A tunnel as the plan rules see it: explicit or allocated, not yet validated. */
export interface DraftTunnel {
  readonly azureInstance: AzureInstance;
  readonly awsTunnel: AwsTunnelNumber;
  /** Undefined only when allocation failed (the allocator reported why). */
  readonly insideCidr?: string;
  /** JSON path of the plan entry (`tunnels[1]`), or `tunnels` for an allocated tunnel. */
  readonly path: string;
  readonly allocated: boolean;
}

export interface PlanContext {
  readonly spec: PlanSpec;
  readonly tunnels: readonly DraftTunnel[];
  /** Plans already attached to the same Azure gateway (C04). */
  readonly sharedGateway: readonly ResolvedPlan[];
}
