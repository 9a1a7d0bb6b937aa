import type { ComponentType } from 'react'
import ApplicationSubmitted, {
  applicationSubmittedSubject,
  type ApplicationSubmittedProps,
} from './application-submitted'
import Decision, { decisionSubject, type DecisionProps } from './decision'
import DecisionReminder, {
  decisionReminderSubject,
  type DecisionReminderProps,
} from './decision-reminder'
import PlaceReleased, { placeReleasedSubject, type PlaceReleasedProps } from './place-released'
import FileReminder, { fileReminderSubject, type FileReminderProps } from './file-reminder'
import ReviewerReminder, {
  reviewerReminderSubject,
  type ReviewerReminderProps,
} from './reviewer-reminder'
import DocumentRefused, {
  documentRefusedSubject,
  type DocumentRefusedProps,
} from './document-refused'
import RecommendationConfirmation, {
  recommendationConfirmationSubject,
  type RecommendationConfirmationProps,
} from './recommendation-confirmation'
import RecommendationInvitation, {
  recommendationInvitationSubject,
  type RecommendationInvitationProps,
} from './recommendation-invitation'
import RecommendationReceived, {
  recommendationReceivedSubject,
  type RecommendationReceivedProps,
} from './recommendation-received'
import RecommenderUnavailable, {
  recommenderUnavailableSubject,
  type RecommenderUnavailableProps,
} from './recommender-unavailable'
import Invitation, { invitationSubject, type InvitationProps } from './invitation'
import RegistrationApproved, {
  registrationApprovedSubject,
  type RegistrationApprovedProps,
} from './registration-approved'
import RegistrationAwaitingApproval, {
  registrationAwaitingApprovalSubject,
  type RegistrationAwaitingApprovalProps,
} from './registration-awaiting-approval'
import RegistrationConfirmation, {
  registrationConfirmationSubject,
  type RegistrationConfirmationProps,
} from './registration-confirmation'
import RegistrationRejected, {
  registrationRejectedSubject,
  type RegistrationRejectedProps,
} from './registration-rejected'
import ConsentRequest, { consentRequestSubject, type ConsentRequestProps } from './consent-request'
import ConsentReceipt, { consentReceiptSubject, type ConsentReceiptProps } from './consent-receipt'
import SignInLink, { signInLinkSubject, type SignInLinkProps } from './sign-in-link'
import SmsMessage, { smsMessageSubject, type SmsMessageProps } from './sms-message'

type TemplateDefinition<P> = { component: ComponentType<P>; subject: (props: P) => string }

const define = <P>(
  component: ComponentType<P>,
  subject: (props: P) => string,
): TemplateDefinition<P> => ({ component, subject })

// Every message the app can send, by stable name (stored in the outbox row).
export const templates = {
  'sign-in-link': define<SignInLinkProps>(SignInLink, signInLinkSubject),
  'application-submitted': define<ApplicationSubmittedProps>(
    ApplicationSubmitted,
    applicationSubmittedSubject,
  ),
  'recommendation-invitation': define<RecommendationInvitationProps>(
    RecommendationInvitation,
    recommendationInvitationSubject,
  ),
  'recommendation-confirmation': define<RecommendationConfirmationProps>(
    RecommendationConfirmation,
    recommendationConfirmationSubject,
  ),
  'recommendation-received': define<RecommendationReceivedProps>(
    RecommendationReceived,
    recommendationReceivedSubject,
  ),
  'recommender-unavailable': define<RecommenderUnavailableProps>(
    RecommenderUnavailable,
    recommenderUnavailableSubject,
  ),
  'document-refused': define<DocumentRefusedProps>(DocumentRefused, documentRefusedSubject),
  decision: define<DecisionProps>(Decision, decisionSubject),
  'decision-reminder': define<DecisionReminderProps>(DecisionReminder, decisionReminderSubject),
  'place-released': define<PlaceReleasedProps>(PlaceReleased, placeReleasedSubject),
  'file-reminder': define<FileReminderProps>(FileReminder, fileReminderSubject),
  'reviewer-reminder': define<ReviewerReminderProps>(ReviewerReminder, reviewerReminderSubject),
  'sms-message': define<SmsMessageProps>(SmsMessage, smsMessageSubject),
  invitation: define<InvitationProps>(Invitation, invitationSubject),
  'registration-confirmation': define<RegistrationConfirmationProps>(
    RegistrationConfirmation,
    registrationConfirmationSubject,
  ),
  'registration-awaiting-approval': define<RegistrationAwaitingApprovalProps>(
    RegistrationAwaitingApproval,
    registrationAwaitingApprovalSubject,
  ),
  'registration-approved': define<RegistrationApprovedProps>(
    RegistrationApproved,
    registrationApprovedSubject,
  ),
  'registration-rejected': define<RegistrationRejectedProps>(
    RegistrationRejected,
    registrationRejectedSubject,
  ),
  'consent-request': define<ConsentRequestProps>(ConsentRequest, consentRequestSubject),
  'consent-receipt': define<ConsentReceiptProps>(ConsentReceipt, consentReceiptSubject),
}

export type TemplateName = keyof typeof templates
export type TemplateProps<N extends TemplateName> =
  (typeof templates)[N] extends TemplateDefinition<infer P> ? P : never
