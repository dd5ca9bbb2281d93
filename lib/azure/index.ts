export * from './check';
export * from './component';
export * from './design';
export * from './keys';
export * from './offline';
export * from './preshared-key';
export * from './program';
