export * from './azure-view';
export * from './cfn-view';
export * from './registry';
export * from './types';
