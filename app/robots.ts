import type { MetadataRoute } from 'next'

// Personal and secret pages are never crawled: a recommender's link opens one request (a
// crawler fetching it would mark it "ouverte"), sign-in and invitation links are single-use,
// and the candidate's and staff's spaces hold personal data. Their layouts also say `noindex`.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: [
        '/recommandation/',
        '/invitation/',
        '/inscription-etablissement/confirmer/',
        '/plateforme',
        '/connexion',
        '/espace',
        '/compte',
        '/equipe',
        '/candidature/',
        '/api/',
        '/verifier/',
        '/dev/',
      ],
    },
  }
}
