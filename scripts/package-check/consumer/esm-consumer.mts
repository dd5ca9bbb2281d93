/** An ES module consumer (node16 resolution): named imports from the CommonJS package's entry points. */
import { planVpn, planSummary } from 'multicloud-vpn';
import { VpnRulesAspect } from 'multicloud-vpn/aws';
import { AzureVpnGateway } from 'multicloud-vpn/azure';

export const summary: string = planSummary(planVpn({ name: 'esm' }));
export const parts: readonly unknown[] = [VpnRulesAspect, AzureVpnGateway];
