/** Unit, emulator, bundle and browser tests in one run (`npm test`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `npm run typecheck`; here we only transpile.
    '^.+\\.ts$': ['ts-jest', {tsconfig: 'tsconfig.tools.json'}],
  },
  testTimeout: 30000,
};
