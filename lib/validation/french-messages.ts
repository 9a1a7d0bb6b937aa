import { z } from 'zod'
import { fr } from 'zod/locales'

// Zod's own messages (for checks a schema does not word itself: a malformed identifier, a
// wrong type in a forged request) in French, like every message a person reads. Imported for
// its effect by every module that declares schemas, so both the browser and the server have it.
z.config(fr())
