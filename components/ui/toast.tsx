'use client'

// Toasts come from sonner (accessible live region, swipe to dismiss on phones).
import { Toaster as Sonner, toast } from 'sonner'

export function Toaster() {
  return <Sonner position="top-center" richColors closeButton toastOptions={{ className: 'text-base' }} />
}

export { toast }
