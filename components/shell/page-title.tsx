// The <title> of the 403 and 404 pages. Next.js resolves metadata for the page that failed
// (its own title would stay: "Membres" above "Accès refusé"), and the nested 404 pages cannot
// export metadata; React 19 puts this element in the <head>, ahead of the page's title,
// also after a client-side navigation.
export const siteTitle = (title: string) => `${title} · Tremplin`

export function PageTitle({ title }: { title: string }) {
  return <title>{siteTitle(title)}</title>
}
