export * from './aspect';
export * from './nag-pack';
export * from './stack-view';
