export * from './formats';
export * from './azure-outputs';
export * from './aws-outputs';
export * from './public-ip';
export * from './secret-arn';
