export * from './azure-vpn-connections';
export * from './tunnel-outside-ips';
