/**
 * Seed 004 (the Azure AWS-BGP tutorial), written out by hand from the document, not from the code:
 * the expected values of the default plan on the Azure side.
 */

/** "BGP APIPA アドレスの選択": per tunnel, Azure's address, AWS's BGP peer address, AWS inside CIDR. */
export const SEED_004_TUNNELS = [
  { id: 'Instance0Tunnel1', azure: '169.254.21.2', awsPeer: '169.254.21.1', insideCidr: '169.254.21.0/30' },
  { id: 'Instance0Tunnel2', azure: '169.254.22.2', awsPeer: '169.254.22.1', insideCidr: '169.254.22.0/30' },
  { id: 'Instance1Tunnel1', azure: '169.254.21.6', awsPeer: '169.254.21.5', insideCidr: '169.254.21.4/30' },
  { id: 'Instance1Tunnel2', azure: '169.254.22.6', awsPeer: '169.254.22.5', insideCidr: '169.254.22.4/30' },
] as const;

/** "カスタム Azure APIPA BGP IP アドレス" (instance 0) and "2 番目の…" (instance 1) of the gateway. */
export const SEED_004_GATEWAY_APIPA = [
  ['169.254.21.2', '169.254.22.2'],
  ['169.254.21.6', '169.254.22.6'],
] as const;

/**
 * The connection table: primary (ipconfig of instance 0) and secondary (instance 1) custom BGP
 * address per tunnel; "使用しない (x を選択)" entries are the address chosen for the unused instance.
 */
export const SEED_004_CONNECTION_CUSTOM_BGP: Readonly<Record<string, readonly [string, string]>> = {
  Instance0Tunnel1: ['169.254.21.2', '169.254.21.6'],
  Instance0Tunnel2: ['169.254.22.2', '169.254.21.6'],
  Instance1Tunnel1: ['169.254.21.2', '169.254.21.6'],
  Instance1Tunnel2: ['169.254.21.2', '169.254.22.6'],
};

/** The AWS ASN the tutorial keeps (the VGW default) and the Azure ASN of the default plan. */
export const SEED_004_AWS_ASN = 64512;

/** "BGP を使用してアクティブ/アクティブ VPN ゲートウェイを作成する". */
export const SEED_004_GATEWAY = {
  name: 'VNet1GW',
  /** The seed's SKU; Azure no longer creates it, so the library uses VpnGw2AZ (C38). */
  sku: 'VpnGw2',
  generation: 'Generation2',
  asn: 65000,
  gatewaySubnetPrefix: '10.1.1.0/24',
  virtualNetworkName: 'VNet1',
} as const;
