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
  {
    // Shared concepts and services know no domain: admissions, recommendations, reporting and
    // internships use them, never the other way (lib/jobs, which lists every domain's jobs,
    // is the one place that imports them all). Tests may set up whole journeys.
    files: [
      'lib/{establishments,people,auth,mail,storage,http,validation,audit,config,rate-limit,sms}/**/*.{ts,tsx}',
      'lib/*.{ts,tsx}',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['admissions', 'recommendations', 'reporting', 'internships'].flatMap(
                (domain) => [`**/${domain}`, `**/${domain}/**`],
              ),
              message:
                'Shared services import no domain: register a resolver or pass a callback instead (README, map of the code).',
            },
          ],
        },
      ],
    },
  },
  {
    // Internships stand beside admissions: both use the shared concepts, neither imports the other.
    files: ['lib/internships/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/admissions', '@/lib/admissions/**', '**/admissions/**'],
              message: 'lib/internships must not import lib/admissions (README, map of the code).',
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
