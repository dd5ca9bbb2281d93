import * as vm from 'node:vm';
import { Match } from 'aws-cdk-lib/assertions';
import { TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE } from '../../lib/aws/tunnel-outside-ips';
import { build, onlyLogicalId } from './helpers';

import { DescribeVpnConnectionsCommand, EC2Client, type VpnConnection } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';

type Handler = (
  event: Record<string, unknown>,
  context?: { getRemainingTimeInMillis(): number; },
) => Promise<{ PhysicalResourceId: string; Data?: Record<string, string>; }>;

const ec2Mock = mockClient(EC2Client);
afterEach(() => ec2Mock.reset());
afterAll(() => ec2Mock.restore());

interface LoadedHandler {
  readonly handler: Handler;
  /** The DescribeVpnConnections inputs the handler sent. */
  readonly calls: () => unknown[];
  /** Anything the handler wrote to the console. */
  readonly logged: unknown[];
  /** The waits the handler asked for, in ms (run at once: the clock is simulated). */
  readonly waits: number[];
  /** A Lambda context whose remaining time goes down by each wait, from `timeoutMs`. */
  readonly context: (timeoutMs: number) => { getRemainingTimeInMillis(): number; };
}

/**
 * Runs the inline Lambda source as the Node.js runtime would (CommonJS, `require` of the SDK v3 that
 * the runtime ships), with the real EC2 client whose `send` aws-sdk-client-mock answers, a console
 * that records every call, and a simulated clock for the handler's waits.
 */
function loadHandler(answers?: VpnConnection[][]): LoadedHandler {
  const logged: unknown[] = [];
  const waits: number[] = [];
  if (answers) {
    let command = ec2Mock.on(DescribeVpnConnectionsCommand);
    for (const answer of answers) command = command.resolvesOnce({ VpnConnections: answer });
    command.resolves({ VpnConnections: answers[answers.length - 1] });
  }
  const record = (...args: unknown[]) => logged.push(args);
  const module = { exports: {} as { handler?: Handler; } };
  const sandbox = {
    module,
    exports: module.exports,
    require: (name: string) => {
      if (name !== '@aws-sdk/client-ec2') throw new Error(`unexpected require ${name}`);
      return { EC2Client, DescribeVpnConnectionsCommand };
    },
    setTimeout: (fn: () => void, ms: number) => {
      waits.push(ms);
      return setImmediate(fn);
    },
    console: { log: record, info: record, warn: record, error: record, debug: record },
  };
  vm.runInNewContext(TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE, sandbox);
  return {
    handler: module.exports.handler!,
    calls: () => ec2Mock.commandCalls(DescribeVpnConnectionsCommand).map((c) => c.args[0].input),
    logged,
    waits,
    context: (timeoutMs) => ({ getRemainingTimeInMillis: () => timeoutMs - waits.reduce((a, b) => a + b, 0) }),
  };
}

const TUNNELS = [
  { Id: 'Instance0Tunnel1', ConnectionId: 'vpn-1', InsideCidr: '169.254.21.0/30' },
  { Id: 'Instance0Tunnel2', ConnectionId: 'vpn-1', InsideCidr: '169.254.22.0/30' },
  { Id: 'Instance1Tunnel1', ConnectionId: 'vpn-2', InsideCidr: '169.254.21.4/30' },
  { Id: 'Instance1Tunnel2', ConnectionId: 'vpn-2', InsideCidr: '169.254.22.4/30' },
];

/** EC2's answer with each connection's TunnelOptions in the REVERSE order of the specifications. */
const REVERSED_ANSWER: VpnConnection[] = [
  {
    VpnConnectionId: 'vpn-2',
    Options: {
      TunnelOptions: [
        { TunnelInsideCidr: '169.254.22.4/30', OutsideIpAddress: '3.0.0.22' },
        { TunnelInsideCidr: '169.254.21.4/30', OutsideIpAddress: '3.0.0.21' },
      ],
    },
  },
  {
    VpnConnectionId: 'vpn-1',
    Options: {
      TunnelOptions: [
        { TunnelInsideCidr: '169.254.22.0/30', OutsideIpAddress: '3.0.0.12' },
        { TunnelInsideCidr: '169.254.21.0/30', OutsideIpAddress: '3.0.0.11' },
      ],
    },
  },
];

describe('C15: the outside IP reader Lambda', () => {
  test.each(['Create', 'Update'])('C15: on %s it matches tunnels by inside CIDR, not by position, and logs nothing', async (requestType) => {
    const fake = loadHandler([REVERSED_ANSWER]);
    const result = await fake.handler({ RequestType: requestType, PhysicalResourceId: 'old', ResourceProperties: { Tunnels: TUNNELS } });
    expect(fake.calls()).toEqual([{ VpnConnectionIds: ['vpn-1', 'vpn-2'] }]);
    expect(result.Data).toEqual({
      Instance0Tunnel1: '3.0.0.11',
      Instance0Tunnel2: '3.0.0.12',
      Instance1Tunnel1: '3.0.0.21',
      Instance1Tunnel2: '3.0.0.22',
    });
    // The physical id follows the connections, so a replaced connection gives a new id.
    expect(result.PhysicalResourceId).toBe('vpn-1,vpn-2');
    expect(fake.logged).toEqual([]);
  });

  test('C15: on Delete it calls nothing and keeps the physical id', async () => {
    const fake = loadHandler([REVERSED_ANSWER]);
    const result = await fake.handler({ RequestType: 'Delete', PhysicalResourceId: 'vpn-1,vpn-2', ResourceProperties: { Tunnels: TUNNELS } });
    expect(fake.calls()).toEqual([]);
    expect(result).toEqual({ PhysicalResourceId: 'vpn-1,vpn-2' });
  });

  test('C15: a tunnel whose inside CIDR EC2 does not report fails the deploy, naming the tunnel', async () => {
    const fake = loadHandler([[REVERSED_ANSWER[0]]]);
    await expect(fake.handler({ RequestType: 'Create', ResourceProperties: { Tunnels: TUNNELS } }))
      .rejects.toThrow(/Instance0Tunnel1 \(169\.254\.21\.0\/30 on vpn-1\), Instance0Tunnel2/);
  });

  /** REVERSED_ANSWER with vpn-2's tunnel 169.254.22.4/30 not yet given an outside IP. */
  const PENDING_ANSWER: VpnConnection[] = [
    {
      VpnConnectionId: 'vpn-2',
      Options: { TunnelOptions: [{ TunnelInsideCidr: '169.254.22.4/30' }, REVERSED_ANSWER[0].Options!.TunnelOptions![1]] },
    },
    REVERSED_ANSWER[1],
  ];

  test('C15: a tunnel without an outside IP yet is read again with growing waits until it has one', async () => {
    const fake = loadHandler([PENDING_ANSWER, PENDING_ANSWER, REVERSED_ANSWER]);
    const result = await fake.handler({ RequestType: 'Create', ResourceProperties: { Tunnels: TUNNELS } }, fake.context(180_000));
    expect(result.Data!.Instance1Tunnel2).toBe('3.0.0.22');
    expect(fake.calls()).toHaveLength(3);
    expect(fake.waits).toHaveLength(2);
    expect(fake.waits[1]).toBeGreaterThan(fake.waits[0]);
    expect(fake.logged).toEqual([]);
  });

  test('C15: still not assigned when the Lambda\'s time runs short: fails saying "not assigned yet", naming connection and tunnel', async () => {
    const fake = loadHandler([PENDING_ANSWER]);
    await expect(fake.handler({ RequestType: 'Create', ResourceProperties: { Tunnels: TUNNELS } }, fake.context(180_000)))
      .rejects.toThrow(
        /^VPN connection vpn-2 tunnel Instance1Tunnel2 \(inside CIDR 169\.254\.22\.4\/30\): outside IP not assigned yet after \d+ reads/,
      );
    // Every wait fitted in the timeout with room for the last read; more than one read was made.
    expect(fake.waits.reduce((a, b) => a + b, 0)).toBeLessThan(180_000);
    expect(fake.calls().length).toBeGreaterThan(2);
    expect(fake.calls().length).toBe(fake.waits.length + 1);
  });

  test("C15: throttling is retried beyond the SDK default of 3 attempts; one that outlasts them fails the deploy with EC2's message", async () => {
    const fake = loadHandler();
    const throttled = Object.assign(new Error('Request limit exceeded.'), { name: 'RequestLimitExceeded' });
    ec2Mock.on(DescribeVpnConnectionsCommand).rejects(throttled);
    await expect(fake.handler({ RequestType: 'Create', ResourceProperties: { Tunnels: TUNNELS } }, fake.context(180_000))).rejects.toThrow(
      'Request limit exceeded.',
    );
    // aws-sdk-client-mock replaces send(), so the retry itself is the SDK's: check the client it is configured on.
    const client = ec2Mock.send.getCall(0).thisValue as EC2Client;
    expect(await client.config.maxAttempts()).toBe(8);
    expect(await new EC2Client({}).config.maxAttempts()).toBe(3);
  });
});

describe('C15, C23: the outside IP custom resource in the template', () => {
  const { template, stack, vpn } = build();
  const json = template.toJSON();
  const handlerId = Object.entries(json.Resources as Record<string, { Type: string; Properties: Record<string, unknown>; }>)
    .find(([, r]) => r.Type === 'AWS::Lambda::Function' && (r.Properties.Code as Record<string, unknown>).ZipFile !== undefined)![0];

  test("C15: its properties name each tunnel's connection and inside CIDR, so a replaced connection re-reads", () => {
    template.hasResourceProperties('Custom::VpnTunnelOutsideIps', {
      Tunnels: vpn.connections.flatMap((connection, i) =>
        ['169.254.21', '169.254.22'].map((prefix, t) => ({
          Id: `Instance${i}Tunnel${t + 1}`,
          ConnectionId: stack.resolve(connection.ref),
          InsideCidr: `${prefix}.${i * 4}/30`,
        }))
      ),
    });
  });

  test('C15: the handler is inline Node.js 24 code with the SDK from the runtime, logging errors only', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      // Room for the reads of a tunnel whose outside IP is not assigned yet, with backoff.
      Timeout: 180,
      Code: { ZipFile: TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE },
      LoggingConfig: Match.objectLike({ LogFormat: 'JSON', ApplicationLogLevel: 'ERROR' }),
    });
  });

  test('C23: the Provider framework Lambda logs at FATAL, so response data never reaches the logs', () => {
    const framework = Object.values(json.Resources as Record<string, { Type: string; Properties: Record<string, unknown>; }>)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Handler === 'framework.onEvent');
    expect(framework).toHaveLength(1);
    expect(framework[0].Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', ApplicationLogLevel: 'FATAL' });
  });

  test('both Lambdas log to one group of the construct that expires (no never-expiring default group)', () => {
    const logGroup = onlyLogicalId(template, 'AWS::Logs::LogGroup');
    expect(template.toJSON().Resources[logGroup].Properties.RetentionInDays).toBeGreaterThan(0);
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(2);
    for (const fn of functions) expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: logGroup });
  });

  /** The statements of the policies attached to the role of the function `functionId`. */
  function statementsOfFunctionRole(functionId: string): unknown[] {
    const role = (json.Resources[functionId].Properties.Role as { 'Fn::GetAtt': [string, string]; })['Fn::GetAtt'][0];
    expect(json.Resources[role].Properties.ManagedPolicyArns).toBeUndefined();
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: role }]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  }
  const writeToOwnLogGroup = {
    Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    Effect: 'Allow',
    Resource: { 'Fn::GetAtt': [onlyLogicalId(template, 'AWS::Logs::LogGroup'), 'Arn'] },
  };

  test('the handler may only call ec2:DescribeVpnConnections (resource "*": the action has no resource-level permissions) and write its logs; no managed policy', () => {
    expect(statementsOfFunctionRole(handlerId)).toEqual([
      writeToOwnLogGroup,
      { Action: 'ec2:DescribeVpnConnections', Effect: 'Allow', Resource: '*' },
    ]);
    expect(onlyLogicalId(template, 'Custom::VpnTunnelOutsideIps')).toMatch(/^AzureVpnTunnelOutsideIps/);
  });

  test('the Provider framework Lambda may only invoke and get the handler and write its logs; no managed policy', () => {
    const frameworkId = Object.entries(json.Resources as Record<string, { Type: string; Properties: Record<string, unknown>; }>)
      .find(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Handler === 'framework.onEvent')![0];
    const handlerArn = { 'Fn::GetAtt': [handlerId, 'Arn'] };
    expect(statementsOfFunctionRole(frameworkId)).toEqual([
      writeToOwnLogGroup,
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: [handlerArn, { 'Fn::Join': ['', [handlerArn, ':*']] }] },
      { Action: 'lambda:GetFunction', Effect: 'Allow', Resource: handlerArn },
    ]);
  });
});
