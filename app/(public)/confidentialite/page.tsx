import type { Metadata } from 'next'
import { NoticePage } from '@/components/notices/notice-page'
import { noticeTitles } from '@/lib/people/notices-defaults'

export const metadata: Metadata = { title: noticeTitles.privacy }

export default function PrivacyNoticePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  return <NoticePage kind="privacy" searchParams={searchParams} />
}
