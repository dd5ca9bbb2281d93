/**
 * The Alibaba Cloud resources as the rules read them: the design (`alibabaDesign`, ./design.ts), i.e. the
 * plain arguments the Alibaba component is about to pass to @pulumi/alicloud, before anything is created;
 * plus, once the component has registered its children, the resource graph (what only the registered
 * resources show: C42's dependsOn chain). Keys never appear here, only their secret ARNs.
 */
import type { AlibabaDesign } from './design';

export { CONNECTION_TYPE, tunnelPath } from '../../check/views/alibaba';

/** A child resource of the Alibaba component, as registered: its type token, name and what it waits for. */
export interface AlibabaGraphResource {
  /** Pulumi type token, e.g. `alicloud:vpn/connection:Connection`. */
  readonly type: string;
  readonly name: string;
  /** For a connection: the name of the VPN gateway resource it is created on. @default undefined */
  readonly gateway?: string;
  /** Names of the resources it explicitly depends on (`dependsOn`). */
  readonly dependsOn: readonly string[];
}

/** The component's registered children. */
export interface AlibabaResourceGraph {
  readonly resources: readonly AlibabaGraphResource[];
}

/** What the `alibaba` rule scope reads. */
export interface AlibabaView extends AlibabaDesign {
  /** The registered resources, once the component has created them. @default undefined: design only */
  readonly graph?: AlibabaResourceGraph;
}

// The rule-scope registration of the Alibaba peer kind: every Rule gets an optional `alibaba` check over
// AlibabaView (lib/check/kit/peer-kinds.ts).
declare module '../../check/kit/peer-kinds' {
  interface PeerViews {
    /** The Alibaba half's design (and, after registration, its resource graph), checked before anything is created. */
    alibaba: AlibabaView;
  }
}
