export * from './domain';
export * from './limits';
export * from './money';
export * from './order-machine';
export * from './permissions';
export * from './pricing';
export * from './rooms';
export * from './schemas';
