/**
 * The BFF's HTTP API as the mini-program uses it: every endpoint's method, path, request
 * schemas, success body and error codes in one registry (`registry.ts`), with the schemas of
 * each resource in a file of its own beside it. The BFF routes from the registry, the OpenAPI
 * document is generated from it, and the mini-program's services call it by name.
 * Everything about other people leaves the BFF masked (maskName, maskIdNumber).
 */
export * from './building-blocks';
export * from './auth';
export * from './home';
export * from './face';
export * from './ecredential';
export * from './commitment';
export * from './invitations';
export * from './bindings';
export * from './premiums';
export * from './history';
export * from './estimate';
export * from './notifications';
export * from './claims';
export * from './subscriptions';
export * from './invitation-links';
export * from './registry';
