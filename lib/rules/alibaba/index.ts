/** The Alibaba Cloud rules, in catalogue order (C34–C37, C39–C42). */
import { AlibabaAwsPairing } from './AlibabaAwsPairing';
import { AlibabaBgpAsn } from './AlibabaBgpAsn';
import { AlibabaCustomerGatewayAsn } from './AlibabaCustomerGatewayAsn';
import { AlibabaDualTunnel } from './AlibabaDualTunnel';
import { AlibabaIkeIpsecExplicit } from './AlibabaIkeIpsecExplicit';
import { AlibabaOneOperationAtATime } from './AlibabaOneOperationAtATime';
import { AlibabaSeveralCidrsNeedIkeV2 } from './AlibabaSeveralCidrsNeedIkeV2';
import { AlibabaTunnelCidr } from './AlibabaTunnelCidr';
import type { AlibabaRule } from './types';

export const ALIBABA_RULES: readonly AlibabaRule[] = [
  AlibabaDualTunnel, // C34
  AlibabaTunnelCidr, // C35
  AlibabaBgpAsn, // C36
  AlibabaSeveralCidrsNeedIkeV2, // C37
  AlibabaAwsPairing, // C39
  AlibabaIkeIpsecExplicit, // C40
  AlibabaCustomerGatewayAsn, // C41
  AlibabaOneOperationAtATime, // C42
];

export * from './types';
export {
  AlibabaAwsPairing, AlibabaBgpAsn, AlibabaCustomerGatewayAsn, AlibabaDualTunnel, AlibabaIkeIpsecExplicit,
  AlibabaOneOperationAtATime, AlibabaSeveralCidrsNeedIkeV2, AlibabaTunnelCidr,
};
