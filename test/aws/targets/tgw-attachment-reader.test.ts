import * as vm from 'node:vm';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DescribeTransitGatewayAttachmentsCommand, EC2Client, type TransitGatewayAttachment } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import {
  TGW_ATTACHMENT_READER_HANDLER_SOURCE,
  TGW_ATTACHMENT_READER_RESOURCE_TYPE,
  TransitGatewayAttachmentReader,
} from '../../../lib/aws/targets/tgw-attachment-reader';

type Handler = (
  event: Record<string, unknown>,
  context?: { getRemainingTimeInMillis(): number; },
) => Promise<{ PhysicalResourceId: string; Data?: Record<string, string>; }>;

const ec2Mock = mockClient(EC2Client);
afterEach(() => ec2Mock.reset());
afterAll(() => ec2Mock.restore());

/**
 * Runs the inline Lambda source as the Node.js runtime would (CommonJS, the runtime's SDK v3),
 * with the real EC2 client answered by aws-sdk-client-mock, a recording console and a simulated
 * clock (as test/aws/tunnel-outside-ips.test.ts does for the outside IP reader).
 */
function loadHandler(pages?: TransitGatewayAttachment[][][]) {
  const logged: unknown[] = [];
  const waits: number[] = [];
  if (pages) {
    // Each read is one or more pages; NextToken links the pages of one read.
    let command = ec2Mock.on(DescribeTransitGatewayAttachmentsCommand);
    for (const read of pages) {
      read.forEach((page, i) => {
        command = command.resolvesOnce({ TransitGatewayAttachments: page, NextToken: i < read.length - 1 ? `page${i + 1}` : undefined });
      });
    }
    const last = pages[pages.length - 1];
    command.resolves({ TransitGatewayAttachments: last[last.length - 1] });
  }
  const record = (...args: unknown[]) => logged.push(args);
  const module = { exports: {} as { handler?: Handler; } };
  vm.runInNewContext(TGW_ATTACHMENT_READER_HANDLER_SOURCE, {
    module,
    exports: module.exports,
    require: (name: string) => {
      if (name !== '@aws-sdk/client-ec2') throw new Error(`unexpected require ${name}`);
      return { EC2Client, DescribeTransitGatewayAttachmentsCommand };
    },
    setTimeout: (fn: () => void, ms: number) => {
      waits.push(ms);
      return setImmediate(fn);
    },
    console: { log: record, info: record, warn: record, error: record, debug: record },
  });
  return {
    handler: module.exports.handler!,
    calls: () => ec2Mock.commandCalls(DescribeTransitGatewayAttachmentsCommand).map((c) => c.args[0].input),
    logged,
    waits,
    context: (timeoutMs: number) => ({ getRemainingTimeInMillis: () => timeoutMs - waits.reduce((a, b) => a + b, 0) }),
  };
}

const TGW = 'tgw-0123456789abcdef0';
const CONNECTIONS = [
  { Id: 'Connection1', ConnectionId: 'vpn-11111111111111111' },
  { Id: 'Connection2', ConnectionId: 'vpn-22222222222222222' },
];
const attachment = (resourceId: string, id: string, state: string, gateway = TGW): TransitGatewayAttachment => ({
  TransitGatewayAttachmentId: id,
  ResourceId: resourceId,
  ResourceType: 'vpn',
  TransitGatewayId: gateway,
  State: state as TransitGatewayAttachment['State'],
});
const event = (requestType: string) => ({
  RequestType: requestType,
  PhysicalResourceId: 'old',
  ResourceProperties: { TransitGatewayId: TGW, Connections: CONNECTIONS },
});

describe('C29: the transit gateway attachment reader Lambda', () => {
  test.each(['Create', 'Update'])(
    'C29: on %s it filters by resource type vpn, the connection ids and the gateway, matches by ResourceId, and logs nothing',
    async (requestType) => {
      // EC2's order is not the connections' order.
      const fake = loadHandler([[[
        attachment('vpn-22222222222222222', 'tgw-attach-2', 'available'),
        attachment('vpn-11111111111111111', 'tgw-attach-1', 'available'),
      ]]]);
      const result = await fake.handler(event(requestType));
      expect(fake.calls()).toEqual([{
        Filters: [
          { Name: 'resource-type', Values: ['vpn'] },
          { Name: 'resource-id', Values: ['vpn-11111111111111111', 'vpn-22222222222222222'] },
          { Name: 'transit-gateway-id', Values: [TGW] },
        ],
        NextToken: undefined,
      }]);
      expect(result).toEqual({
        PhysicalResourceId: 'vpn-11111111111111111,vpn-22222222222222222',
        Data: { Connection1: 'tgw-attach-1', Connection2: 'tgw-attach-2' },
      });
      expect(fake.logged).toEqual([]);
    },
  );

  test('C29: it reads every page (NextToken) before deciding', async () => {
    const fake = loadHandler([[[attachment('vpn-11111111111111111', 'tgw-attach-1', 'available')], [
      attachment('vpn-22222222222222222', 'tgw-attach-2', 'available'),
    ]]]);
    const result = await fake.handler(event('Create'));
    expect(fake.calls().map((c) => (c as { NextToken?: string; }).NextToken)).toEqual([undefined, 'page1']);
    expect(result.Data).toEqual({ Connection1: 'tgw-attach-1', Connection2: 'tgw-attach-2' });
    expect(fake.waits).toEqual([]);
  });

  test('C29: a deleted attachment of the same connection is ignored; the available one is returned', async () => {
    const fake = loadHandler([[[
      attachment('vpn-11111111111111111', 'tgw-attach-old', 'deleted'),
      attachment('vpn-11111111111111111', 'tgw-attach-1', 'available'),
      attachment('vpn-22222222222222222', 'tgw-attach-2', 'available'),
    ]]]);
    expect((await fake.handler(event('Create'))).Data!.Connection1).toBe('tgw-attach-1');
  });

  test('C29: on Delete it calls nothing and keeps the physical id', async () => {
    const fake = loadHandler([[[]]]);
    expect(await fake.handler({ ...event('Delete'), PhysicalResourceId: 'vpn-1,vpn-2' })).toEqual({ PhysicalResourceId: 'vpn-1,vpn-2' });
    expect(fake.calls()).toEqual([]);
  });

  test('C29: a pending attachment is read again with growing waits until it is available', async () => {
    const pending = [
      attachment('vpn-11111111111111111', 'tgw-attach-1', 'pending'),
      attachment('vpn-22222222222222222', 'tgw-attach-2', 'available'),
    ];
    const ready = [
      attachment('vpn-11111111111111111', 'tgw-attach-1', 'available'),
      attachment('vpn-22222222222222222', 'tgw-attach-2', 'available'),
    ];
    const fake = loadHandler([[pending], [pending], [ready]]);
    const result = await fake.handler(event('Create'), fake.context(300_000));
    expect(result.Data).toEqual({ Connection1: 'tgw-attach-1', Connection2: 'tgw-attach-2' });
    expect(fake.calls()).toHaveLength(3);
    expect(fake.waits).toHaveLength(2);
    expect(fake.waits[1]).toBeGreaterThan(fake.waits[0]);
    expect(fake.logged).toEqual([]);
  });

  test('C29: still pending when the time runs short: fails naming the connection, the attachment and its state', async () => {
    const fake = loadHandler([[[
      attachment('vpn-11111111111111111', 'tgw-attach-1', 'pending'),
      attachment('vpn-22222222222222222', 'tgw-attach-2', 'available'),
    ]]]);
    await expect(fake.handler(event('Create'), fake.context(300_000)))
      .rejects.toThrow(/^Connection1 \(vpn-11111111111111111\): attachment tgw-attach-1 is pending, not available after \d+ reads/);
    expect(fake.waits.reduce((a, b) => a + b, 0)).toBeLessThan(300_000);
    expect(fake.calls().length).toBe(fake.waits.length + 1);
    expect(fake.calls().length).toBeGreaterThan(2);
  });

  test('C29: an attachment on another gateway does not count: fails saying there is none on this gateway', async () => {
    const fake = loadHandler([[[
      attachment('vpn-11111111111111111', 'tgw-attach-1', 'available', 'tgw-0fedcba9876543210'),
      attachment('vpn-22222222222222222', 'tgw-attach-2', 'available'),
    ]]]);
    await expect(fake.handler(event('Create'))).rejects.toThrow(`Connection1 (vpn-11111111111111111): no VPN attachment on transit gateway ${TGW}`);
  });

  test('C29: throttling is retried beyond the SDK default of 3 attempts', async () => {
    const fake = loadHandler();
    ec2Mock.on(DescribeTransitGatewayAttachmentsCommand).rejects(
      Object.assign(new Error('Request limit exceeded.'), { name: 'RequestLimitExceeded' }),
    );
    await expect(fake.handler(event('Create'), fake.context(300_000))).rejects.toThrow('Request limit exceeded.');
    const client = ec2Mock.send.getCall(0).thisValue as EC2Client;
    expect(await client.config.maxAttempts()).toBe(8);
  });
});

/** A stack with a transit gateway, one customer gateway and two VPN connections, and the reader. */
function readerStack() {
  const app = new App();
  const stack = new Stack(app, 'Test');
  const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', { amazonSideAsn: 64512 });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
  const connections = [1, 2].map((n) =>
    new ec2.CfnVPNConnection(stack, `Connection${n}`, { type: 'ipsec.1', customerGatewayId: cgw.ref, transitGatewayId: tgw.ref })
  );
  const reader = new TransitGatewayAttachmentReader(stack, 'Reader', {
    transitGatewayId: tgw.ref,
    connections: connections.map((c, i) => ({ id: `Connection${i + 1}`, connectionId: c.ref })),
  });
  return { app, stack, tgw, connections, reader };
}

describe('C29: the attachment reader in the template', () => {
  const { stack, reader } = readerStack();
  const template = Template.fromStack(stack);
  const json = template.toJSON();
  type Resource = { Type: string; Properties: Record<string, unknown>; };
  const resources = json.Resources as Record<string, Resource>;
  const handlerId =
    Object.entries(resources).find(([, r]) =>
      r.Type === 'AWS::Lambda::Function' && (r.Properties.Code as Record<string, unknown>).ZipFile !== undefined
    )![0];

  test('C29: its properties name the gateway and each connection by Ref, so a replaced connection re-reads', () => {
    template.hasResourceProperties(TGW_ATTACHMENT_READER_RESOURCE_TYPE, {
      TransitGatewayId: { Ref: 'Tgw' },
      Connections: [{ Id: 'Connection1', ConnectionId: { Ref: 'Connection1' } }, { Id: 'Connection2', ConnectionId: { Ref: 'Connection2' } }],
    });
  });

  test('C29: attachmentId is a GetAtt of the connection key; an unknown key throws naming the keys', () => {
    const readerId = Object.keys(template.findResources(TGW_ATTACHMENT_READER_RESOURCE_TYPE))[0];
    expect(stack.resolve(reader.attachmentId('Connection2'))).toEqual({ 'Fn::GetAtt': [readerId, 'Connection2'] });
    expect(() => reader.attachmentId('Connection3')).toThrow(/no connection "Connection3"; the connections are Connection1, Connection2/);
  });

  test('the handler is inline Node.js 24 code logging errors only, with room for the waits', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 300,
      Code: { ZipFile: TGW_ATTACHMENT_READER_HANDLER_SOURCE },
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', ApplicationLogLevel: 'ERROR' }),
    });
  });

  test('the handler may only call ec2:DescribeTransitGatewayAttachments in the stack region and write its logs; no managed policy', () => {
    const role = (resources[handlerId].Properties.Role as { 'Fn::GetAtt': [string, string]; })['Fn::GetAtt'][0];
    expect(resources[role].Properties.ManagedPolicyArns).toBeUndefined();
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const logGroup = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];
    expect(statements).toEqual([
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logGroup, 'Arn'] } },
      {
        Action: 'ec2:DescribeTransitGatewayAttachments',
        Effect: 'Allow',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': { Ref: 'AWS::Region' } } },
      },
    ]);
  });

  test('the Provider framework Lambda logs at FATAL (no response data in the logs), both Lambdas in one expiring group', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(2);
    const logGroup = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];
    expect(json.Resources[logGroup].Properties.RetentionInDays).toBeGreaterThan(0);
    for (const fn of functions) expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: logGroup });
    const framework = functions.filter((f) => f.Properties.Handler === 'framework.onEvent');
    expect(framework).toHaveLength(1);
    expect(framework[0].Properties.LoggingConfig).toMatchObject({ ApplicationLogLevel: 'FATAL' });
  });
});

describe('the attachment reader under AwsSolutions', () => {
  test('no unacknowledged AwsSolutions finding on the reader; an extra wildcard is still reported', () => {
    const { app, reader } = readerStack();
    const onReader = () =>
      new AwsSolutionsChecks(app).validateScope(app).violations
        .flatMap((v) =>
          v.violatingResources.filter((r) => r.constructPath?.startsWith('Test/Reader/')).map((r) => `${v.ruleName} ${r.constructPath}`)
        );
    expect(onReader()).toEqual([]);
    // The acknowledgements are per finding: another wildcard on the handler role is reported.
    reader.handler.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['ec2:DescribeVpnConnections'], resources: ['arn:aws:ec2:*:*:vpn-connection/*'] }),
    );
    expect(onReader()).toEqual([
      expect.stringMatching(/^AwsSolutions-IAM5\[Resource::arn:aws:ec2:\*:\*:vpn-connection\/\*\] Test\/Reader\/HandlerRole\//),
    ]);
  });
});

describe('the attachment reader refuses what cannot work', () => {
  test('bad keys, ids and an empty list are reported together, each naming its field', () => {
    const stack = new Stack(new App(), 'Bad');
    expect(() =>
      new TransitGatewayAttachmentReader(stack, 'Reader', {
        transitGatewayId: 'vgw-0123456789abcdef0',
        connections: [{ id: 'Connection 1', connectionId: 'vpn-11111111111111111' }, { id: 'C2', connectionId: 'cgw-1' }, {
          id: 'C2',
          connectionId: 'vpn-22222222222222222',
        }],
      })
    ).toThrow(
      /connections\[0\]\.id: "Connection 1"[\s\S]*connections\[1\]\.connectionId: "cgw-1"[\s\S]*connections\[2\]\.id: "C2" is given twice[\s\S]*transitGatewayId: "vgw-0123456789abcdef0"/,
    );
    expect(() => new TransitGatewayAttachmentReader(stack, 'Empty', { transitGatewayId: 'tgw-0123456789abcdef0', connections: [] }))
      .toThrow(/connections: empty/);
  });
});
