const dateFormatter = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeZone: 'Europe/Paris',
})
const dateTimeFormatter = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
})

// Dates are shown in France's time zone whatever the server's.
export const formatDate = (date: Date) => dateFormatter.format(date)
export const formatDateTime = (date: Date) => dateTimeFormatter.format(date)
