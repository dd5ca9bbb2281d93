/** `multicloud-vpn/aws`: the CDK constructs and the synth-time enforcement (Aspect, cdk-nag pack). */
export * from './aws';
export * from './enforcement';
