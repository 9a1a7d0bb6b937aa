// The data of the staff-table benchmark: 100,000 applications of one establishment, and the
// views of the table it times, each with the straight SQL that counts what it must show.
import { randomBytes } from 'node:crypto'
import type pg from 'pg'

// Names as common as in a French school: a search for one surname finds a few percent of
// the files, a first and last name far fewer.
const lastNames = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau',
  'Laurent', 'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel',
  'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent',
  'Muller', 'Lefebvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier',
  'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément',
  'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson', 'Marchand', 'Duval',
  'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
] // prettier-ignore
const firstNames = [
  'Léa', 'Emma', 'Chloé', 'Inès', 'Manon', 'Jade', 'Louise', 'Camille', 'Sarah', 'Zoé', 'Lina',
  'Alice', 'Lucas', 'Hugo', 'Louis', 'Nathan', 'Gabriel', 'Jules', 'Adam', 'Raphaël', 'Arthur',
  'Tom', 'Théo', 'Noah', 'Ethan', 'Mathis', 'Paul', 'Sacha', 'Yanis', 'Rayan',
] // prettier-ignore

// The share of each state, by g % 20: 10 % drafts, the rest spread over the lifecycle.
const statusOf = `(array['draft','draft','submitted','submitted','submitted','submitted','incomplete','incomplete','incomplete','complete','complete','complete','under_review','under_review','admitted','waitlisted','rejected','confirmed','withdrawn','auto_withdrawn'])[g % 20 + 1]::application_status`

export type Seeded = {
  establishmentId: string
  campaigns: { id: string; size: number }[]
  sessionToken: string
}

/**
 * Fills the demo establishment with `count` applications over five campaigns (40 %, 30 %,
 * 20 %, 9 % and 1 %), set-based SQL: two recommenders asked per submitted file (one of them
 * replaced, the first request revoked, in one file of ten), received in about half the cases.
 */
export async function seedStaffTable(pool: pg.Pool, count: number): Promise<Seeded> {
  const {
    rows: [ozenne],
  } = await pool.query<{ id: string }>(`select id from establishments where uai = '0310044E'`)
  const establishmentId = ozenne!.id
  const tag = randomBytes(3).toString('hex')
  const shares = [0.4, 0.3, 0.2, 0.09, 0.01]
  const campaigns: Seeded['campaigns'] = []
  let from = 0
  for (const [index, share] of shares.entries()) {
    const size = index === shares.length - 1 ? count - from : Math.round(count * share)
    const {
      rows: [programme],
    } = await pool.query<{ id: string }>(
      `insert into programmes (establishment_id, name, level) values ($1, $2, 'Bac+2') returning id`,
      [establishmentId, `Bench ${tag} ${index + 1}`],
    )
    const {
      rows: [campaign],
    } = await pool.query<{ id: string }>(
      `insert into admission_campaigns (establishment_id, programme_id, name, opens_at, closes_at, required_recommendations, recommendation_deadline)
       values ($1, $2, $3, now() - interval '60 days', now() + interval '30 days', $4, now() + interval '40 days') returning id`,
      [establishmentId, programme!.id, `Bench ${index + 1}`, index === 3 ? 1 : 2],
    )
    for (let done = 0; done < size; done += 20_000) {
      const n = Math.min(20_000, size - done)
      const first = from + done
      await pool.query(
        `insert into users (id, email, name)
         select 'bench-' || $3 || '-' || g, 'bench-' || $3 || '-' || g || '@exemple.fr', 'Bench'
           from generate_series($1::int, $2::int) g`,
        [first, first + n - 1, tag],
      )
      await pool.query(
        `insert into applications (establishment_id, campaign_id, candidate_user_id, status, email, civility, first_name, last_name,
           diploma, current_establishment, graduation_year, search_text, submitted_at)
         select $1, $2, 'bench-' || $5 || '-' || g, ${statusOf}, n.email, 'mme', n.first_name, n.last_name,
           'bts', 'Lycée Déodat de Séverac', 2026, translate(lower(n.first_name || ' ' || n.last_name || ' ' || n.email), 'éèêëàâäîïôöûüùç', 'eeeeaaaiioouuuc'),
           case when g % 20 < 2 then null else now() - (g % 86400) * interval '1 minute' end
         from generate_series($3::int, $4::int) g,
           -- A hash of g picks the names, independent of the state and the campaign (which follow g).
           lateral (select ('x' || substr(md5(g::text), 1, 7))::bit(28)::int as h) r,
           lateral (select ($6::text[])[h % 30 + 1] as first_name,
                           ($7::text[])[h / 30 % 60 + 1] || case when h / 1800 % 2 = 0 then '-' || ($7::text[])[h / 3600 % 60 + 1] else '' end as last_name,
                           'candidat' || g || '@exemple.fr' as email) n`,
        [establishmentId, campaign!.id, first, first + n - 1, tag, firstNames, lastNames],
      )
    }
    campaigns.push({ id: campaign!.id, size })
    from += size
  }
  // Recommendation requests of the submitted files (drafts have none yet).
  const requests = (slot: number, status: string, where: string) =>
    pool.query(
      `insert into recommendation_requests (establishment_id, application_id, slot, recommender_name, recommender_position, recommender_email, status, expires_at)
       select a.establishment_id, a.id, ${slot}, 'Jean Dupont', 'Professeur', 'jean.dupont@ac-toulouse.fr', ${status}, now() + interval '40 days'
         from applications a, lateral (select ('x' || substr(md5(a.id::text), 1, 7))::bit(28)::int as h) r
        where a.establishment_id = $1 and a.status <> 'draft' and a.candidate_user_id like $2 and ${where}`,
      [establishmentId, `bench-${tag}-%`],
    )
  await requests(
    0,
    `case when h % 3 = 0 then 'invited' else 'received' end::recommendation_request_status`,
    'true',
  )
  await requests(1, `'revoked'::recommendation_request_status`, 'h % 10 = 0')
  await requests(1, `(array['received','received','received','opened','declined','bounced','invited'])[h % 7 + 1]::recommendation_request_status`, 'true') // prettier-ignore
  // Statistics and the visibility map, as autovacuum leaves them after a bulk load.
  await pool.query('vacuum analyze')
  const {
    rows: [coordinator],
  } = await pool.query<{ id: string }>(
    `select id from users where email = 'coordination@ozenne.example'`,
  )
  const sessionToken = randomBytes(32).toString('hex')
  await pool.query(
    `insert into sessions (session_token, user_id, expires) values ($1, $2, now() + interval '1 day')`,
    [sessionToken, coordinator!.id],
  )
  return { establishmentId, campaigns, sessionToken }
}

export type View = {
  name: string
  /** The page's query string. */
  query: string
  /** Straight SQL counting the applications this view shows, over `applications a` joined to `admission_campaigns c`. */
  where: string
}

const received = `(select count(*) from recommendation_requests r where r.application_id = a.id and r.status = 'received')`

export function staffTableViews(seeded: Seeded): View[] {
  const [big, , , , small] = seeded.campaigns
  return [
    { name: 'default (submitted files, newest first)', query: '', where: `a.status <> 'draft'` },
    { name: 'by name', query: '?tri=nom&ordre=asc', where: `a.status <> 'draft'` },
    { name: 'by name, descending', query: '?tri=nom', where: `a.status <> 'draft'` },
    { name: 'by status', query: '?tri=statut&ordre=asc', where: `a.status <> 'draft'` },
    { name: 'by received recommendations', query: '?tri=recues', where: `a.status <> 'draft'` },
    {
      name: 'by received recommendations, ascending',
      query: '?tri=recues&ordre=asc',
      where: `a.status <> 'draft'`,
    },
    { name: 'oldest first', query: '?ordre=asc', where: `a.status <> 'draft'` },
    {
      name: 'page 1,800 of 50 (near the last)',
      query: '?taille=50&page=1800',
      where: `a.status <> 'draft'`,
    },
    {
      name: 'page 1,700 of 50, by name',
      query: '?tri=nom&ordre=asc&taille=50&page=1700',
      where: `a.status <> 'draft'`,
    },
    {
      name: 'page 900 of 100, by received',
      query: '?tri=recues&taille=100&page=900',
      where: `a.status <> 'draft'`,
    },
    {
      name: '"recommandations complètes"',
      query: '?recos=completes',
      where: `a.status <> 'draft' and ${received} >= c.required_recommendations`,
    },
    {
      name: '"recommandations incomplètes", by name',
      query: '?recos=incompletes&tri=nom&ordre=asc',
      where: `a.status <> 'draft' and ${received} < c.required_recommendations`,
    },
    {
      name: '"complètes", page 500 of 50',
      query: '?recos=completes&taille=50&page=500',
      where: `a.status <> 'draft' and ${received} >= c.required_recommendations`,
    },
    { name: 'status "admis"', query: '?statut=admitted', where: `a.status = 'admitted'` },
    { name: 'drafts included', query: '?statut=tous', where: 'true' },
    {
      name: 'largest campaign, by name',
      query: `?campagne=${big!.id}&tri=nom&ordre=asc`,
      where: `a.status <> 'draft' and a.campaign_id = '${big!.id}'`,
    },
    {
      name: 'smallest campaign (1 %)',
      query: `?campagne=${small!.id}`,
      where: `a.status <> 'draft' and a.campaign_id = '${small!.id}'`,
    },
    {
      name: 'search a surname ("dubois")',
      query: '?q=dubois',
      where: `a.status <> 'draft' and a.search_text like '%dubois%'`,
    },
    {
      name: 'search a full name ("lea martin")',
      query: '?q=l%C3%A9a+martin',
      where: `a.status <> 'draft' and a.search_text like '%lea%' and a.search_text like '%martin%'`,
    },
    {
      name: 'search an email ("candidat4242")',
      query: '?q=candidat4242',
      where: `a.status <> 'draft' and a.search_text like '%candidat4242%'`,
    },
    {
      name: 'search with no match ("zzyzx")',
      query: '?q=zzyzx',
      where: `a.status <> 'draft' and a.search_text like '%zzyzx%'`,
    },
  ]
}

export async function expectedTotal(pool: pg.Pool, establishmentId: string, view: View) {
  const { rows: result } = await pool.query<{ n: number }>(
    `select count(*)::int n from applications a join admission_campaigns c on c.id = a.campaign_id where a.establishment_id = $1 and ${view.where}`,
    [establishmentId],
  )
  return result[0]!.n
}
