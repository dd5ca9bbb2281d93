export * from './peers/azure/pulumi/check';
export * from './peers/azure/pulumi/component';
export * from './peers/azure/design';
export * from './peers/azure/pulumi/keys';
export * from './peers/azure/pulumi/offline';
export * from './core/preshared-key';
export * from './peers/azure/pulumi/program';
