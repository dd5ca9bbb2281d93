import { resourcesOfType } from '../../check/views/cfn-view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { transitGatewayAsnViolations, violationsOwnedBy } from '../../plan/aws-target';
import { DEFAULT_AMAZON_SIDE_ASN, PRIVATE_RANGES, cfnNumber } from '../../check/views/asn';

/** Why `asn` cannot be a VGW's Amazon side ASN, or undefined when it can. */
function amazonSideAsnProblem(asn: number): string | undefined {
  if (!Number.isInteger(asn)) return `${asn} is not an integer ASN.`;
  const inRange = (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294);
  return inRange ? undefined : `${asn} is not a private ASN (${PRIVATE_RANGES}).`;
}

/**
 * The C08 warning for a changed ASN. The rule's checks see one plan or one template, never the
 * deployed one, so this is a separate pure function for a caller that holds the deployed value
 * (the AWS hand-off file's `awsAsn`, or `describe-vpn-gateways`).
 */
export function amazonSideAsnChange(deployedAsn: number | undefined, plannedAsn: number): Violation[] {
  if (deployedAsn === undefined || deployedAsn === plannedAsn) return [];
  return [{
    path: 'aws.asn',
    level: 'warning',
    message: `${plannedAsn} differs from the deployed gateway's ${deployedAsn}; the ASN cannot change after creation, so ` +
      'CloudFormation replaces the virtual private gateway and every VPN connection on it (new outside IPs, new tunnels).',
    fix: `keep ${deployedAsn}, or plan the replacement and re-run the Azure half with the new tunnels.`,
  }];
}

export const VgwAsnIsPrivate: Rule = {
  id: 'VgwAsnIsPrivate',
  catalogue: ['C08'],
  level: 'error',
  summary: `The Amazon side ASN of the virtual private gateway (or transit gateway) is private (${PRIVATE_RANGES}); it never changes.`,
  explanation: 'Seed 001 (AWS Site-to-Site VPN user guide): the Amazon side ASN of a virtual private gateway is a private ' +
    `ASN, ${PRIVATE_RANGES}, 64512 by default, and cannot be changed after the gateway is created. The range is an ` +
    'error. A change is a warning, but the plan and template checks see only the new value: `amazonSideAsnChange` ' +
    "compares it with the deployed one (e.g. the AWS hand-off file's awsAsn), and `cdk diff` shows the gateway " +
    'as replaced. A transit gateway (AWS::EC2::TransitGateway AmazonSideAsn, aws.target.amazonSideAsn) takes the same ' +
    'ranges (EC2 API TransitGatewayRequestOptions), and its ASN cannot be modified while VPN attachments exist (EC2 ModifyTransitGatewayOptions).',
  fix: `a private ASN: ${DEFAULT_AMAZON_SIDE_ASN} (the AWS default), or within ${PRIVATE_RANGES}.`,
  plan: ({ spec }) => {
    const problem = amazonSideAsnProblem(spec.aws.asn);
    return [
      ...(problem ? [{ path: 'aws.asn', message: problem }] : []),
      ...violationsOwnedBy(transitGatewayAsnViolations(spec.aws.target, spec), 'VgwAsnIsPrivate'),
    ];
  },
  cfn: (view) =>
    [...resourcesOfType(view, 'AWS::EC2::VPNGateway'), ...resourcesOfType(view, 'AWS::EC2::TransitGateway')].flatMap((gateway): Violation[] => {
      const raw = gateway.properties.AmazonSideAsn;
      const asn = cfnNumber(raw);
      if (asn === undefined) return []; // absent: AWS uses 64512; computed: unknown here
      const problem = Number.isNaN(asn) ? `${JSON.stringify(raw)} is not an ASN.` : amazonSideAsnProblem(asn);
      return problem ? [{ path: gateway.path, message: `AmazonSideAsn ${problem}` }] : [];
    }),
};
