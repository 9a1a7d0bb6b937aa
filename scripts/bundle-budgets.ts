// The most JavaScript (gzip, kB of 1,024 bytes) a browser may download on the first load of
// each public page, checked after every production build by scripts/bundle-budget.ts.
// Candidates and teachers open these pages on phones: a form must stay within 50 kB of the
// home page (bench/README.md, "Public pages' weight"). Each budget sits a few kB above the
// page's size when it was set, so that growth is noticed while it is small. Raise one only
// with a reason in the commit; lower it when a page gets lighter.
export const bundleBudgets: Record<string, number> = {
  '/': 160,
  '/accessibilite': 160,
  '/confidentialite': 160,
  '/mentions-legales': 160,
  '/verifier': 160,
  '/verifier/[code]': 160,
  '/connexion': 175,
  '/candidature/[campaignId]': 185,
  '/recommandation/[token]': 185,
  // A head's registration (zod fetched on first focus) and its emailed confirmation link.
  '/inscription-etablissement': 180,
  '/inscription-etablissement/confirmer/[token]': 160,
  '/invitation/[token]': 160,
  '/consentement/[token]': 180,
}
