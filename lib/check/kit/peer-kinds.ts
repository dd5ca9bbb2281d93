/**
 * The rule-scope registry: one scope per peer kind. A peer registers its scope with ONE declaration, in its
 * own folder (lib/peers/<kind>/view.ts):
 *
 * ```ts
 * declare module '../../check/kit/peer-kinds' { interface PeerViews { azure: AzureView } }
 * ```
 *
 * after which `Rule.azure?: (view: AzureView) => Violation[]` exists, the engine runs it (checkPeer) and
 * scripts/rules-md.ts lists it. No other file names the peer: the scope set is open, not a closed union.
 */
import type { Violation } from '../../core/finding';

/** Peer kind → the view its rules read. Empty here; each peer adds its entry by declaration merging. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PeerViews {}

/** A peer kind's name, e.g. `azure`. */
export type PeerKind = keyof PeerViews & string;

/** One optional check per registered peer kind. */
export type PeerChecks = { readonly [K in PeerKind]?: (view: PeerViews[K]) => readonly Violation[]; };

/**
 * Peer kinds known at run time, in report order (the type registry above is compile-time only): the engine,
 * RULES.md and `multicloud-vpn peers` read this list. A peer adds one line via registerPeerKind.
 */
const KINDS = new Map<string, PeerKindInfo>();

/** What the run-time registry keeps about a peer kind. */
export interface PeerKindInfo {
  /** The scope name, equal to the PeerViews key. */
  readonly kind: string;
  /** One line for listings (`multicloud-vpn peers`, RULES.md column header). */
  readonly title: string;
}

/** Registers a peer kind (idempotent for the same info). */
export function registerPeerKind(info: PeerKindInfo): void {
  const known = KINDS.get(info.kind);
  if (known && known.title !== info.title) {
    throw new Error(`peer kind '${info.kind}' is registered twice with different titles: '${known.title}', '${info.title}'.`);
  }
  KINDS.set(info.kind, info);
}

/** Every registered peer kind, in registration order. */
export function peerKinds(): readonly PeerKindInfo[] {
  return [...KINDS.values()];
}
