/**
 * aws-cdk-lib validates every synthesized template against the CloudFormation schema (a WASM
 * engine), which is most of a unit test's synthesis time (about 7× the rest here). Unit tests check
 * our constructs and rules; the real-CLI test (test/app/cdk-cli.test.ts) runs the example app with
 * that validation on, as users do. Set CDK_VALIDATION=true to run every test with it.
 */
process.env.CDK_VALIDATION ??= 'false';
