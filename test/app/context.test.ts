/**
 * The CDK app's file options (`-c plan=<file>`, `-c azureOutputs=<file>`, bin/context.ts). `cdk synth
 * -c plan=` hands the app an empty string (checked by hand with aws-cdk 2.1148: the app then exits 1
 * with the message below); it must name the empty option, not try to read a file called ''.
 * C15: azureOutputs carries the Azure gateway IPs the customer gateways need.
 */
import { contextFile } from '../../bin/context';

describe('C15: context file options of the CDK app', () => {
  test('an empty -c plan= or -c azureOutputs= names the empty option', () => {
    expect(contextFile('', 'plan', 'vpn-plan.json')).toEqual({ problem: expect.stringMatching(/^-c plan= is empty: .*vpn-plan\.json/) });
    expect(contextFile('  ', 'azureOutputs')).toEqual({ problem: expect.stringMatching(/^-c azureOutputs= is empty/) });
    expect(contextFile(true, 'plan', 'vpn-plan.json')).toEqual({
      problem: expect.stringContaining("context 'plan' must be a file name, got a boolean"),
    });
  });

  test('a given file is used as given; an absent option takes the default (or none)', () => {
    expect(contextFile('other-plan.json', 'plan', 'vpn-plan.json')).toEqual({ file: 'other-plan.json' });
    expect(contextFile(undefined, 'plan', 'vpn-plan.json')).toEqual({ file: 'vpn-plan.json' });
    expect(contextFile(undefined, 'azureOutputs')).toEqual({ file: undefined });
  });
});
