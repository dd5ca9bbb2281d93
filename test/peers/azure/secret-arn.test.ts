/**
 * C22: the partition table the AWS hand-off reader trusts (lib/handoff/secret-arn.ts) against the
 * real lists: aws-cdk-lib's region-info (every region it knows, with its partition) and the AWS SDK's
 * endpoint partitions (@aws-sdk/core, what the Secrets Manager client resolves with).
 */
import { partition as sdkPartition } from '@aws-sdk/core/client';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { AWS_PARTITIONS, parseSecretArn, partitionOfRegion } from '../../../lib/handoff/secret-arn';

describe('C22: AWS partitions of the secret ARNs', () => {
  test('C22: every region aws-cdk-lib knows falls in its own partition of the table, and the table has no partition it lacks', () => {
    const known = RegionInfo.regions.filter((r) => r.partition !== undefined);
    expect(known.length).toBeGreaterThan(30);
    for (const region of known) expect([region.name, partitionOfRegion(region.name)]).toEqual([region.name, region.partition]);
    expect([...new Set(known.map((r) => r.partition))].sort()).toEqual([...AWS_PARTITIONS].sort());
  });

  test("C22: the AWS SDK's endpoint partitions agree for a region of each partition", () => {
    for (
      const region of [
        'us-east-1',
        'cn-northwest-1',
        'us-gov-east-1',
        'us-iso-west-1',
        'us-isob-east-1',
        'eu-isoe-west-1',
        'us-isof-east-1',
        'eusc-de-east-1',
      ]
    ) {
      expect([region, partitionOfRegion(region)]).toEqual([region, sdkPartition(region).name]);
    }
  });

  test('C22: names that are no region have no partition; an ARN is split into its parts', () => {
    for (const name of ['us-east', 'moon-base-1', 'cn-north', 'us-east-1a', '']) expect(partitionOfRegion(name)).toBeUndefined();
    expect(parseSecretArn('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:a/b-Xy1234')).toEqual({
      partition: 'aws-cn',
      region: 'cn-north-1',
      account: '123456789012',
      name: 'a/b-Xy1234',
    });
    expect(parseSecretArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});
