// The whole product on embedded defaults. Today only the shared rules exist (issue 2);
// the platform mocks, the BFF and the mini-program are started here as they land.
console.log('family-share: the shared rules are built and tested (npm test).');
console.log('The servers and the mini-program are not part of this build yet; nothing to start.');
