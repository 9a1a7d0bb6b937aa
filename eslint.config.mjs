import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import prettier from 'eslint-config-prettier/flat'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    // One direction between domains: admissions uses recommendations, never the reverse.
    // Recommendations read the application tables from @/db/schema; what an application does
    // when a recommendation arrives is passed in by the caller (onReceived). Integration tests
    // play whole journeys and may set them up through admissions.
    files: ['lib/recommendations/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/admissions', '@/lib/admissions/**', '**/admissions/**'],
              message:
                'lib/recommendations must not import lib/admissions (admissions → recommendations only).',
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    '.data/**',
    'node_modules/**',
    'next-env.d.ts',
    'db/migrations/**',
    'test-results/**',
    'playwright-report/**',
  ]),
])
