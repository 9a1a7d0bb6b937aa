import type { ComponentType } from 'react'
import SignInLink, { signInLinkSubject, type SignInLinkProps } from './sign-in-link'

type TemplateDefinition<P> = { component: ComponentType<P>; subject: (props: P) => string }

const define = <P,>(component: ComponentType<P>, subject: (props: P) => string): TemplateDefinition<P> => ({ component, subject })

// Every message the app can send, by stable name (stored in the outbox row).
export const templates = {
  'sign-in-link': define<SignInLinkProps>(SignInLink, signInLinkSubject),
}

export type TemplateName = keyof typeof templates
export type TemplateProps<N extends TemplateName> = (typeof templates)[N] extends TemplateDefinition<infer P> ? P : never
