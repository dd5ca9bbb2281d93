/**
 * aws-cdk-lib validates every synthesized template against the CloudFormation schema (a WASM
 * engine), which is most of a unit test's synthesis time (about 7× the rest here). Unit tests check
 * our constructs and rules; the real-CLI test (test/app/cdk-cli.test.ts) runs the example app with
 * that validation on, as users do. Set CDK_VALIDATION=true to run every test with it.
 */
process.env.CDK_VALIDATION ??= 'false';

/**
 * aws-cdk-lib records a stack trace with every L1 it creates and every annotation. Under jest each
 * trace goes through source-map-support, which reads and scans every file on the stack for a source
 * map (aws-cdk-lib's large bundles included): that was about a tenth of the suite's CPU. The traces
 * only land in the assembly's metadata, which no test reads; the App reads these two context keys
 * from CDK_CONTEXT_JSON (the variable the CDK CLI uses to pass context to an app). A test that wants
 * traces, or an Annotations stack, sets CDK_TEST_STACK_TRACES=true.
 */
if (process.env.CDK_TEST_STACK_TRACES !== 'true') {
  const context = JSON.parse(process.env.CDK_CONTEXT_JSON ?? '{}') as Record<string, unknown>;
  context['aws:cdk:disable-stack-trace'] = true;
  context['aws:cdk:disable-creation-stack-traces'] = true;
  context['aws:cdk:disable-asset-staging'] = true;
  process.env.CDK_CONTEXT_JSON = JSON.stringify(context);
  process.env.CDK_DISABLE_STACK_TRACE = '1';
}
