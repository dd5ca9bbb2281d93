/**
 * What the peers' offline listings share (lib/peers/<peer>/pulumi/offline.ts): the shape of a listed
 * resource, the mask that replaces a secret, waiting for a program's outputs under mocks, and the order
 * of the listing. Peer folders may not import each other (scripts/import-layers.mjs); both import this.
 */
import * as pulumi from '@pulumi/pulumi';

/** What replaces every secret value in an offline listing. */
export const SECRET_MASK = '[secret]';

/** A registered resource with its inputs, secrets masked. */
export interface RegisteredResource {
  /** e.g. `azure-native:network:VirtualNetworkGateway`, `alicloud:vpn/connection:Connection` */
  readonly type: string;
  /** The Pulumi resource name. */
  readonly name: string;
  /** The inputs as the engine would receive them, every secret replaced by `[secret]`. */
  readonly inputs: unknown;
}

/** Resolves with the output's value once the mocks have settled it (secret or not). */
export function settled<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) =>
    output.apply((value) => {
      resolve(value);
      return value;
    })
  );
}

/** Resources in `typeOrder` order (unlisted types last), then by name: a stable listing. */
export function sortedByType(resources: Iterable<RegisteredResource>, typeOrder: readonly string[]): RegisteredResource[] {
  const rank = (type: string) => (typeOrder.includes(type) ? typeOrder.indexOf(type) : typeOrder.length);
  return [...resources].sort((a, b) => rank(a.type) - rank(b.type) || a.name.localeCompare(b.name));
}
