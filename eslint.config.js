// One lint config for the whole repo: gts defaults, plus a rule that keeps the
// functional core pure (no Apps Script service may be named under src/core).
const gts = require('gts');
const globals = require('globals');

const appsScriptGlobals = [
  'SpreadsheetApp',
  'HtmlService',
  'PropertiesService',
  'CacheService',
  'LockService',
  'ScriptApp',
  'MailApp',
  'UrlFetchApp',
  'Utilities',
  'Session',
  'Logger',
  'DriveApp',
  'GmailApp',
  'Charts',
].map(name => ({
  name,
  message: 'src/core is pure: pass data in from an adapter.',
}));

module.exports = [
  {
    // Built output, and fixtures: data shaped like what the world sends us.
    ignores: [
      'dist/',
      'build/',
      'node_modules/',
      'coverage/',
      '.cache/',
      'test/fixtures/',
    ],
  },
  ...gts,
  {
    // Server code, tools and tests, and the sidebar each have their own
    // tsconfig (server code must not see Node or DOM types).
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.tools.json', './sidebar/tsconfig.json'],
      },
    },
  },
  {
    // Plain Node scripts (the build, the CLI launcher).
    files: ['**/*.js'],
    languageOptions: {globals: globals.node, sourceType: 'commonjs'},
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {'no-restricted-globals': ['error', ...appsScriptGlobals]},
  },
];
