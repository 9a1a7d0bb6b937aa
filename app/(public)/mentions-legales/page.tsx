import type { Metadata } from 'next'
import { NoticePage } from '@/components/notices/notice-page'
import { noticeTitles } from '@/lib/people/notices-defaults'

export const metadata: Metadata = { title: noticeTitles.legal }

export default function LegalNoticePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  return <NoticePage kind="legal" searchParams={searchParams} />
}
