/** The alibaba rules, one file per rule, in catalogue order (C34–C37, C39–C42); lib/check/registry.ts lists them. */
import { AlibabaAwsPairing } from './AlibabaAwsPairing';
import { AlibabaBgpAsn } from './AlibabaBgpAsn';
import { AlibabaCustomerGatewayAsn } from './AlibabaCustomerGatewayAsn';
import { AlibabaDualTunnel } from './AlibabaDualTunnel';
import { AlibabaIkeIpsecExplicit } from './AlibabaIkeIpsecExplicit';
import { AlibabaOneOperationAtATime } from './AlibabaOneOperationAtATime';
import { AlibabaSeveralCidrsNeedIkeV2 } from './AlibabaSeveralCidrsNeedIkeV2';
import { AlibabaTunnelCidr } from './AlibabaTunnelCidr';
import type { Rule } from '../../check/kit/rule';

export const ALIBABA_RULES: readonly Rule[] = [
  AlibabaDualTunnel, // C34
  AlibabaTunnelCidr, // C35
  AlibabaBgpAsn, // C36
  AlibabaSeveralCidrsNeedIkeV2, // C37
  AlibabaAwsPairing, // C39
  AlibabaIkeIpsecExplicit, // C40
  AlibabaCustomerGatewayAsn, // C41
  AlibabaOneOperationAtATime, // C42
];

export {
  AlibabaAwsPairing,
  AlibabaBgpAsn,
  AlibabaCustomerGatewayAsn,
  AlibabaDualTunnel,
  AlibabaIkeIpsecExplicit,
  AlibabaOneOperationAtATime,
  AlibabaSeveralCidrsNeedIkeV2,
  AlibabaTunnelCidr,
};
