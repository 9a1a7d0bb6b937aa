// Pages opened from an emailed link by people without an account (recommenders, legal
// representatives): the header offers them neither sign-in nor navigation, only the brand.
export const isLinkPage = (pathname: string) =>
  pathname.startsWith('/recommandation/') || pathname.startsWith('/consentement/')
