// ESLint (flat config): the house rules that can run (ADR 008). Routes and
// components never touch the database (no Prisma, no db.server: a service in
// app/modules does); no import cycles; the usual JavaScript, TypeScript, React
// and hooks rules. `npm run lint` runs it (and `npm test` after the type check).
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** What a route or a component may not import: data access belongs to the modules' services. */
const DATA_ACCESS = {
  patterns: [
    { group: ["~/utils/db.server", "**/utils/db.server"], message: "Routes and components do not touch the database: call a service in app/modules (ADR 008)." },
    {
      group: ["@prisma/*", "~/generated/prisma/client", "**/generated/prisma/client"],
      message: "Prisma lives in app/modules/*/*.server.ts only (ADR 008).",
      allowTypeImports: true,
    },
  ],
};

/** What production code may not import: tests and their helpers (the seed's factories live in prisma/). */
const TEST_CODE = { group: ["**/test/*", "**/test/**"], message: "Production code (the app, the seed, the scripts) imports nothing from test/." };

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "node_modules/**", "data/**", "test-results/**", "bench-results/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // A `let` read by a closure before its one assignment (shutdown handlers) is not a const.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      "import-x/no-self-import": "error",
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "no-restricted-syntax": [
        "error",
        { selector: "BinaryExpression[operator='==='][left.property.name='messageKey']", message: "Branch on the error's type (instanceof), not on its message key." },
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      "react/prop-types": "off",
      "react/no-danger": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    files: ["app/**", "prisma/**", "scripts/**", "server/**"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [TEST_CODE] }] },
  },
  {
    // Routes (a route folder's own `*.server.ts` handlers too) and components call services, never Prisma.
    files: ["app/routes/**", "app/components/**"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...DATA_ACCESS.patterns, TEST_CODE] }] },
  },
);
