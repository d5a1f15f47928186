// Lint = the house rules the compiler cannot check: imports run one way
// (ui → state → worker → platform → core; inside core, stage by stage, see
// docs/architecture.md), plus typescript-eslint's recommended rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** A `no-restricted-imports` entry refusing imports whose path matches `regex`. */
const refuse = (regex, message) => ({ regex, message });

const up = (layer) => refuse(`(^|/)${layer}/`, `an import up into src/${layer}/: layers import downward only (docs/architecture.md)`);
const UI = up('ui');
const STATE = up('state');
const WORKER = up('worker');
const PLATFORM = up('platform');

/** Core stages in the order the data flow through them; a stage imports only those before it. */
const CORE_STAGES = ['fits', 'formats', 'grid', 'preprocess', 'inference', 'scan', 'evaluate', 'result', 'anomaly', 'export', 'interop'];
const laterStages = (stage) =>
  refuse(
    `^\\.\\./(${CORE_STAGES.slice(CORE_STAGES.indexOf(stage) + 1).join('|')})/`,
    `core/${stage} imports a later stage: stages import forward only (${CORE_STAGES.join(' → ')})`,
  );
const CORE_PACKAGES = ['react', 'react-dom', 'zustand', 'idb', 'onnxruntime-web', 'react-plotly.js'].map((name) => ({
  name,
  message: 'src/core is pure TypeScript: no UI, storage or browser runtime packages',
}));

const restrict = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});

export default tseslint.config(
  // e2e/ is plain Node scripts driving Chromium; the compiler and the browser run check them.
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'results/', 'bench-results/', 'public/', 'e2e/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Header text is untrusted: stripping control characters is the point of this regular expression.
  { files: ['src/core/formats/describe.ts'], rules: { 'no-control-regex': 'off' } },
  restrict(['src/core/**'], [UI, STATE, WORKER, PLATFORM], CORE_PACKAGES),
  ...CORE_STAGES.slice(0, -1).map((stage) => restrict([`src/core/${stage}/**`], [UI, STATE, WORKER, PLATFORM, laterStages(stage)], CORE_PACKAGES)),
  restrict(['src/platform/**'], [UI, STATE, WORKER]),
  restrict(['src/worker/**'], [UI, STATE]),
  restrict(['src/state/**'], [UI]),
);
