/** Pulumi runtime mocks for the Alibaba tests: records what is registered; ids are `<name>-id`. */
import { randomInt } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';

/** The gateway's two public IPs in the mocks (RFC 5737). */
export const MOCK_GATEWAY_IPS = ['203.0.113.10', '203.0.113.20'] as const;

export interface Registered {
  readonly type: string;
  readonly name: string;
  /** Inputs with secrets revealed. */
  readonly inputs: Record<string, unknown>;
  /** Paths of the inputs that arrived as secrets. */
  readonly secretPaths: readonly string[];
}

/** Pulumi's marker of a serialized secret (`{ <sig>: <secret sig>, value }`). */
const SPECIAL_SIG = '4dabf18193072939515e22adb298388d';

/** The inputs with serialized secrets replaced by their values, and the paths where secrets were. */
function reveal(value: unknown, path: string, secrets: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reveal(v, `${path}[${i}]`, secrets));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (SPECIAL_SIG in object && 'value' in object) {
    secrets.push(path);
    return reveal(object.value, path, secrets);
  }
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, reveal(v, path === '' ? k : `${path}.${k}`, secrets)]));
}

export async function installMocks(): Promise<Registered[]> {
  const resources: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        const secretPaths: string[] = [];
        const inputs = reveal(args.inputs, '', secretPaths) as Record<string, unknown>;
        resources.push({ type: args.type, name: args.name, inputs, secretPaths });
        const state: Record<string, unknown> = { ...inputs };
        if (args.type === 'alicloud:vpn/gateway:Gateway') {
          state.internetIp = MOCK_GATEWAY_IPS[0];
          state.disasterRecoveryInternetIp = MOCK_GATEWAY_IPS[1];
        }
        // The provider reports each tunnel's id; the alarms find it by role.
        if (args.type === 'alicloud:vpn/connection:Connection') {
          state.tunnelOptionsSpecifications = (inputs.tunnelOptionsSpecifications as { role: string; }[]).map((t) => ({
            ...t,
            tunnelId: `tun-${args.name}-${t.role}`,
          }));
        }
        return { id: `${args.name}-id`, state };
      },
      call: () => ({}),
    },
    'test',
    'test',
  );
  return resources;
}

export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) =>
    output.apply((value) => {
      resolve(value);
      return value;
    })
  );
}

/** A valid key (C22), different every run, so no key is ever written in a test file. */
export function testKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz123456789';
  return Array.from({ length: 32 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** Captures each child's props and options before serialization (secrets are still Outputs there). */
export function capture() {
  const seen: { type: string; name: string; resource: pulumi.Resource; props: Record<string, unknown>; opts: pulumi.ResourceOptions; }[] = [];
  const transformation: pulumi.ResourceTransformation = ({ type, name, resource, props, opts }) => {
    seen.push({ type, name, resource, props, opts });
    return undefined;
  };
  return { seen, transformation };
}
