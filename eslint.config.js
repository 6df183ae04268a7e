import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which extension context may import which folder (see DESIGN.md, "Layout"). Every context talks
// to the others only through src/shared.
const folders = ['shared', 'grounding', 'content', 'background', 'sidepanel', 'cli'];
const mayImport = {
  shared: [],
  grounding: ['shared'],
  content: ['shared', 'grounding'],
  background: ['shared'],
  sidepanel: ['shared'],
  cli: ['shared'],
};

const boundaries = folders.map((folder) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: folders
          .filter((other) => other !== folder && !mayImport[folder].includes(other))
          .map((other) => ({
            group: [`**/${other}/**`, `../${other}`],
            message: `src/${folder} may not import src/${other}: cross the boundary through the protocol in src/shared.`,
          })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'dist-node/', 'test/fixtures/pages/_built/', 'node_modules/', 'reports/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Playwright fixtures destructure an empty object by design.
      'no-empty-pattern': 'off',
    },
  },
  ...boundaries,
  {
    // Grounding is pure logic over plain data: no browser APIs.
    files: ['src/grounding/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/shared/transport.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Pure modules do not touch browser APIs.' }],
    },
  },
  {
    // Asymmetric matchers (expect.stringMatching...) are typed any by design.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
