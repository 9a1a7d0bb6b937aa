import type { NoticeKind } from '@/db/schema'

// The platform's wording of the three footer pages. An establishment without its own version
// shows these, with its name in place of the generic one; its admins edit from this text.
// Bracketed parts are what only the establishment knows (its host, its DPO's address…).

export type NoticeEstablishment = { name: string; city: string; uai: string }

// RGAA: a service that has not been audited is declared "non conforme" (and says so in the
// footer: "Accessibilité : non conforme"), whatever its efforts. Update both after an audit.
export const platformConformity = 'non conforme'
const statementDate = '2 décembre 2026'

export const noticeTitles: Record<NoticeKind, string> = {
  accessibility: 'Déclaration d’accessibilité',
  legal: 'Mentions légales',
  privacy: 'Données personnelles',
}

export const noticePaths: Record<NoticeKind, string> = {
  accessibility: '/accessibilite',
  legal: '/mentions-legales',
  privacy: '/confidentialite',
}

function who(e: NoticeEstablishment | null) {
  return e
    ? { name: e.name, subject: e.name, place: `${e.name} (${e.city}, UAI ${e.uai})` }
    : {
        name: 'l’établissement',
        subject: 'L’établissement qui vous accueille',
        place: 'l’établissement auquel vous vous adressez',
      }
}

const accessibility = (e: NoticeEstablishment | null) => {
  const w = who(e)
  return `${w.subject} s’engage à rendre ses services numériques accessibles, conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration d’accessibilité s’applique à Tremplin, le service de candidature, de recommandation et de stages utilisé par ${w.name}.

# État de conformité

Tremplin est non conforme au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2 : aucun audit de conformité n’a encore été réalisé.

Le service est néanmoins conçu et vérifié pour l’accessibilité : chaque page est contrôlée automatiquement (critères WCAG 2.1 de niveaux A et AA) sur ordinateur et sur téléphone, chaque champ a une étiquette, les erreurs sont reliées à leur champ et tout le service s’utilise au clavier.

# Établissement de cette déclaration

Cette déclaration a été établie le ${statementDate}. Technologies utilisées : HTML, CSS, JavaScript. Vérifications : Chromium avec l’outil axe-core, navigation au clavier.

# Retour d’information et contact

Si vous n’arrivez pas à accéder à un contenu ou à un service, contactez ${w.place} pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme : [adresse électronique ou formulaire de contact à compléter].

# Voies de recours

Si vous constatez un défaut d’accessibilité vous empêchant d’accéder à un contenu ou à une fonctionnalité du service, que vous nous le signalez et que vous ne parvenez pas à obtenir de réponse, vous pouvez adresser une réclamation au Défenseur des droits :

- par le formulaire en ligne : https://formulaire.defenseurdesdroits.fr/
- auprès du délégué du Défenseur des droits de votre région : https://www.defenseurdesdroits.fr/carte-des-delegues
- par courrier, gratuitement, sans affranchissement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07`
}

const legal = (e: NoticeEstablishment | null) => {
  const w = who(e)
  return `# Éditeur

Ce site est édité par ${w.place}. [Adresse postale, téléphone et adresse électronique de l’établissement à compléter.]

# Directeur de la publication

Le chef d’établissement de ${w.name}. [Nom à compléter.]

# Hébergement

[Nom ou raison sociale, adresse et téléphone de l’hébergeur à compléter.]

# Service

Tremplin est le logiciel de gestion des candidatures, des recommandations et des stages mis à la disposition de l’établissement. Les contenus publiés (formations, campagnes, décisions) relèvent de la responsabilité de l’établissement.

# Propriété intellectuelle et liens

Les contenus de ce site sont protégés par le droit de la propriété intellectuelle ; toute reproduction hors usage personnel nécessite l’accord de l’éditeur. Les liens vers d’autres sites n’engagent pas leurs éditeurs.

# Données personnelles

Le traitement des données personnelles est décrit sur la page « Données personnelles ».`
}

const privacy = (e: NoticeEstablishment | null) => {
  const w = who(e)
  return `# Responsable du traitement

Le responsable du traitement est ${w.place}, représenté par son chef d’établissement. [Adresse postale à compléter.]

# Données traitées

- Candidats : identité, date de naissance, coordonnées, scolarité en cours, lettre de motivation, réponses au questionnaire de la formation, pièces justificatives.
- Recommandants : nom, fonction, adresse électronique, téléphone s’il est confirmé, contenu de l’avis ; pour garantir son authenticité, la date, l’adresse IP et le navigateur utilisés lors de la transmission.
- Personnels de l’établissement : nom, adresse électronique, rôle, évaluations et décisions saisies.
- Pour tous : journaux de connexion et journal des actions (qui a consulté ou modifié quoi, et quand), pour la sécurité du service.

# Finalités

Recevoir et instruire les candidatures, recueillir et authentifier les recommandations, permettre l’examen des dossiers par la commission, notifier les décisions et préparer l’inscription des candidats admis ; organiser les stages ; assurer la sécurité du service.

# Base légale

Le traitement est nécessaire à l’exécution de la mission d’intérêt public dont est investi l’établissement (article 6.1.e du règlement général sur la protection des données, RGPD). Pour un établissement privé, il est nécessaire à l’exécution de mesures précontractuelles prises à la demande du candidat (article 6.1.b).

# Durées de conservation

- Candidatures non retenues ou abandonnées : jusqu’à la fin de l’année scolaire qui suit la campagne, puis suppression.
- Candidats admis : les données utiles sont versées au dossier administratif de l’élève ; le reste suit la règle précédente.
- Recommandations : le temps de la campagne et des recours possibles contre la décision.
- Journaux de connexion et d’actions : un an.

[Durées à adapter par l’établissement.]

# Destinataires

Les personnels habilités de l’établissement (coordination, commission d’examen, administration), chacun pour ce qui le concerne. Le candidat ne voit jamais le contenu des recommandations. Les prestataires techniques (hébergement, envoi des courriels et des SMS) agissent pour le compte de l’établissement et n’utilisent pas les données pour eux-mêmes. Aucune donnée n’est vendue ni utilisée à des fins publicitaires.

# Vos droits

Vous disposez d’un droit d’accès, de rectification, d’effacement, de limitation du traitement, d’opposition et, lorsqu’il s’applique, d’un droit à la portabilité de vos données. Pour les exercer, adressez-vous à ${w.place} ou à son délégué à la protection des données : [adresse électronique du délégué à la protection des données à compléter ; pour un établissement public, celui de l’académie].

# Réclamation

Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de l’informatique et des libertés (CNIL) : https://www.cnil.fr/fr/plaintes, ou par courrier : CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.

# Cookies

Le service ne dépose que les cookies nécessaires à la connexion (session, protection des formulaires), sans mesure d’audience ni publicité : aucun consentement n’est donc demandé.`
}

const defaults: Record<NoticeKind, (e: NoticeEstablishment | null) => string> = {
  accessibility,
  legal,
  privacy,
}

/** The platform's text for `kind`, naming `establishment` when given. */
export function defaultNotice(kind: NoticeKind, establishment: NoticeEstablishment | null): string {
  return defaults[kind](establishment)
}
