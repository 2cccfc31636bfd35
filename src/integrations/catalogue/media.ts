import type { ServiceConfig } from '../../core/types';

// `hosts` are the domains each vendor documents for its tag, mostly in its Content-Security-Policy
// guide (the allow-list it asks sites to add); the scanner and auto-blocking match them.

/** https://support.google.com/youtube/answer/171780 (privacy-enhanced mode). YouTube's cookies live on youtube.com. */
export const youtube: ServiceConfig = {
  title: 'YouTube',
  provider: 'Google',
  category: 'marketing',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  hosts: ['youtube.com', 'youtube-nocookie.com', 'youtu.be', 'ytimg.com', 'googlevideo.com'],
  description:
    'Embedded videos. With youtube-nocookie.com no cookie is set before playback; once a video plays, YouTube sets VISITOR_INFO1_LIVE (6 months), YSC (session) and PREF on youtube.com and writes local storage under its own origin.',
  cookies: [],
};

/** https://help.vimeo.com/hc/en-us/articles/26080940921361 (cookies set by the embeddable player). */
export const vimeo: ServiceConfig = {
  title: 'Vimeo',
  provider: 'Vimeo',
  category: 'analytics',
  privacyPolicyUrl: 'https://vimeo.com/privacy',
  hosts: ['vimeo.com', 'vimeocdn.com'],
  description:
    'Embedded videos. The player sets vuid (2 years, analytics for the video owner), player and flags (1 year) on vimeo.com; add dnt=1 to the embed URL to stop new cookies.',
  cookies: [],
};

/** https://policies.google.com/technologies/cookies — Maps embeds set their cookies (e.g. NID, 6 months) on google.com. */
export const googleMaps: ServiceConfig = {
  title: 'Google Maps',
  provider: 'Google',
  category: 'marketing',
  privacyPolicyUrl: 'https://policies.google.com/privacy',
  hosts: ['maps.googleapis.com', 'maps.gstatic.com', 'maps.google.com', 'google.com/maps'],
  description: 'Embedded maps. Google sets its cookies (such as NID, 6 months, which Google also uses for ads) on google.com.',
  cookies: [],
};
