import { randomInt } from 'node:crypto';
/** Pulumi runtime mocks for the Azure tests: records what is registered and which functions are called. */
import * as pulumi from '@pulumi/pulumi';

export const TEST_SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';

export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

export interface MockRecord {
  readonly resources: Registered[];
  readonly calls: string[];
}

/** Installs fresh mocks; public IPs get 203.0.113.10, .11 … in registration order, ids are `<name>-id`. */
export async function installMocks(): Promise<MockRecord> {
  const record: MockRecord = { resources: [], calls: [] };
  let publicIps = 0;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        record.resources.push({ type: args.type, name: args.name, inputs: args.inputs });
        const state: Record<string, unknown> = { ...args.inputs };
        if (args.type === 'azure-native:network:PublicIPAddress') state.ipAddress = `203.0.113.${10 + publicIps++}`;
        return { id: `${args.name}-id`, state };
      },
      call: (args) => {
        record.calls.push(args.token);
        return args.token === 'azure-native:authorization:getClientConfig'
          ? { clientId: 'c', objectId: 'o', tenantId: 't', subscriptionId: TEST_SUBSCRIPTION }
          : {};
      },
    },
    'test',
    'test',
  );
  return record;
}

/** The value of an output, once known. */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) =>
    output.apply((value) => {
      resolve(value);
      return value;
    })
  );
}

export function ofType(record: MockRecord, type: string): Registered[] {
  return record.resources.filter((r) => r.type === `azure-native:network:${type}`);
}

/**
 * A valid pre-shared key (C22: letters and digits, not starting with 0), different every run, so
 * that no key is ever written in a test file; tests search outputs for the value they were given.
 */
export function testKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz123456789';
  return Array.from({ length: 32 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
