import { useEffect, useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import type { InvitationView } from '@family-share/shared'
import { ROUTES } from '@/utils/nav'
import { call } from '@/services/http'

export type InvitationLink = { token: string; path: string; expiresAt: number }

/** The share card's title: about the service, never about the people (it shows in a chat list). */
export const SHARE_TITLE = '家人邀请您开通医保个人账户家庭共济'

/**
 * 发送给家人: once an invitation is made, the BFF signs a link to it, and the page's share
 * (onShareAppMessage, from the 发送给家人 button with open-type="share") carries that link's
 * path, so that the card opens the mini-program on this invitation. Until the link is there
 * the button is not shown; a share from the menu meanwhile opens the home page.
 */
export function useInvitationShare(invitation: InvitationView | null) {
  const [link, setLink] = useState<InvitationLink | null>(null)
  const [error, setError] = useState<unknown>(null)
  const invitationId = invitation?.invitationId ?? null

  useEffect(() => {
    if (!invitationId) return
    let live = true
    call('invitationLink', { params: { invitationId } }).then(
      (made) => live && setLink(made),
      (failed: unknown) => live && setError(failed),
    )
    return () => {
      live = false
    }
  }, [invitationId])

  useShareAppMessage(() => ({ title: SHARE_TITLE, path: link?.path ?? ROUTES.home }))
  return { link, error }
}
