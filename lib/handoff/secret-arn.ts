/**
 * Secrets Manager secret ARNs in the AWS hand-off, and the AWS partitions they may name. The Azure
 * half reads each tunnel's pre-shared key from the ARN the AWS half wrote (C22), so an ARN that
 * points elsewhere (another account, region or partition than the VPN's) must be caught before a key
 * is read. Pure: no SDK.
 */

/**
 * The AWS partitions and the region names each holds: the `regionRegex` of the AWS SDK's endpoint
 * partitions data (`partitions.json` of the AWS SDKs, also in @aws-sdk/core's util-endpoints), which
 * aws-cdk-lib's region-info agrees with (test/peers/azure/secret-arn.test.ts compares them). A partition
 * not listed here is not a real one.
 */
export const AWS_PARTITION_REGIONS: Readonly<Record<string, RegExp>> = {
  aws: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
  'aws-cn': /^cn-\w+-\d+$/,
  'aws-us-gov': /^us-gov-\w+-\d+$/,
  'aws-iso': /^us-iso-\w+-\d+$/,
  'aws-iso-b': /^us-isob-\w+-\d+$/,
  'aws-iso-e': /^eu-isoe-\w+-\d+$/,
  'aws-iso-f': /^us-isof-\w+-\d+$/,
  'aws-eusc': /^eusc-de-\w+-\d+$/,
};

export const AWS_PARTITIONS: readonly string[] = Object.keys(AWS_PARTITION_REGIONS);

/** The partition a region name belongs to, or undefined for a name no partition has. */
export function partitionOfRegion(region: string): string | undefined {
  return AWS_PARTITIONS.find((partition) => AWS_PARTITION_REGIONS[partition].test(region));
}

/** `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`, split. */
export interface SecretArnParts {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
}

const SECRET_ARN_PARTS = /^arn:([^:]+):secretsmanager:([^:]+):([^:]+):secret:(.+)$/;

/** The parts of a Secrets Manager secret ARN, or undefined when `arn` is not one. */
export function parseSecretArn(arn: string): SecretArnParts | undefined {
  const match = SECRET_ARN_PARTS.exec(arn);
  return match ? { partition: match[1], region: match[2], account: match[3], name: match[4] } : undefined;
}
