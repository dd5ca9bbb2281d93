/**
 * The hand-off tag contract: tag KEYS the AWS half writes and the checks read. Deployed resources carry them:
 * keys and values stay byte-identical across releases (only code identifiers may change).
 */
/**
 * Tags the AWS construct puts on what it creates, so that the CloudFormation rules can tell what a
 * resource faces even in stacks they did not build (a hand-written stack may set them too).
 */
export const PEER_TAGS = {
  /** On a customer gateway: the Azure connection mode of the peer (`ResponderOnly` needs StartupAction start, C20). */
  peerConnectionMode: 'multicloud-vpn:peer-connection-mode',
  /** On a VPN connection: the peer's address space, space-separated (C30 checks SGs/NACLs admit it). */
  remoteCidrs: 'multicloud-vpn:remote-cidrs',
  /** On a VPN connection: the plan tunnel ids it carries, space-separated. */
  tunnelIds: 'multicloud-vpn:tunnel-ids',
  /** On a VPN connection: the plan's name; several plans may share one VGW (C15 counts per plan). */
  plan: 'multicloud-vpn:plan',
} as const;
