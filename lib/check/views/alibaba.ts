/** What the alibaba rules share (no rule imports another rule file): finding paths and type tokens of the Alibaba view. */

/** Pulumi type token of an Alibaba IPsec connection (`@pulumi/alicloud` vpn.Connection). */
export const CONNECTION_TYPE = 'alicloud:vpn/connection:Connection';

/** `connections[0].tunnels[1]`: the path of a tunnel of the Alibaba design in findings. */
export function tunnelPath(connectionIndex: number, tunnelIndex: number): string {
  return `connections[${connectionIndex}].tunnels[${tunnelIndex}]`;
}
