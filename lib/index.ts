export * from './plan';
export * from './rules';
