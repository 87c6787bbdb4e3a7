export * from './harness';
export * from './credentials-helper';
export * from './node-types';
export * from './test-nodes';
export * from './serialize';
export { startSandbox } from '../sandbox';
export type { Sandbox, SandboxOptions, SandboxConfig, RequestLogEntry } from '../sandbox';
