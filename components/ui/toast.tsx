'use client'

// Toasts come from sonner (accessible live region, swipe to dismiss on phones).
import { Toaster as Sonner, toast } from 'sonner'

export function Toaster() {
  // Default colours (dark text on white): the "rich" green and red variants fail AA contrast.
  return <Sonner position="top-center" closeButton toastOptions={{ className: 'text-base' }} />
}

export { toast }
