import type { StreamView } from '@polity/contracts';
import { Problems } from '@polity/platform';

export interface StreamHosts {
  peertubeHosts: readonly string[];
  hlsHosts: readonly string[];
}

const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtu.be',
  'www.youtube-nocookie.com',
  'youtube-nocookie.com',
]);
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
// PeerTube's short ids (`/w/<id>`) and UUIDs (`/videos/watch/<uuid>`).
const PEERTUBE_ID = /^([1-9A-HJ-NP-Za-km-z]{22}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function refuse(detail: string): never {
  throw Problems.unprocessable('invalid_stream_url', detail, [{ field: 'streamUrl', rule: 'streamUrl', message: detail }]);
}

function youtubeId(url: URL): string | undefined {
  if (url.hostname === 'youtu.be') return url.pathname.slice(1);
  if (url.pathname === '/watch') return url.searchParams.get('v') ?? undefined;
  return /^\/(?:live|embed|shorts)\/([^/]+)\/?$/.exec(url.pathname)?.[1];
}

/**
 * Turns the address a clerk pastes into a stream Polity can embed: a YouTube, Vimeo or PeerTube
 * video (the embed address is rebuilt from the recognised id, so nothing else of the input reaches
 * a page) or an HLS playlist on an allowed host. Anything else is refused: other schemes
 * (`javascript:`, `data:`), unknown hosts, HTML.
 */
export function parseStreamUrl(input: string, hosts: StreamHosts): StreamView {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return refuse('The stream must be a web address (https://…).');
  }
  if (url.protocol !== 'https:') refuse('The stream address must start with https://.');
  if (url.username || url.password || url.port) refuse('The stream address may not carry a user name, password or port.');
  const host = url.hostname.toLowerCase();
  if (YOUTUBE_HOSTS.has(host)) {
    const id = youtubeId(url);
    if (!id || !YOUTUBE_ID.test(id)) refuse('That YouTube address names no video.');
    return { provider: 'youtube', url: url.href, embedUrl: `https://www.youtube-nocookie.com/embed/${id}` };
  }
  if (VIMEO_HOSTS.has(host)) {
    const [, event, id] = /^\/(?:video\/|(event)\/)?([^/]+)\/?$/.exec(url.pathname) ?? [];
    if (!id || !VIMEO_ID.test(id)) refuse('That Vimeo address names no video or event.');
    const embedUrl = event ? `https://vimeo.com/event/${id}/embed` : `https://player.vimeo.com/video/${id}`;
    return { provider: 'vimeo', url: url.href, embedUrl };
  }
  if (hosts.peertubeHosts.includes(host)) {
    const id = /^\/(?:w|videos\/watch|videos\/embed)\/([^/]+)\/?$/.exec(url.pathname)?.[1];
    if (!id || !PEERTUBE_ID.test(id)) refuse('That PeerTube address names no video.');
    return { provider: 'peertube', url: url.href, embedUrl: `https://${host}/videos/embed/${id}` };
  }
  if (hosts.hlsHosts.includes(host)) {
    if (!/^\/[A-Za-z0-9._~/-]+\.m3u8$/.test(url.pathname)) refuse('An HLS stream is an https address of a .m3u8 playlist.');
    return { provider: 'hls', url: url.href, embedUrl: `https://${host}${url.pathname}` };
  }
  return refuse(`Streams are taken from YouTube, Vimeo, or the PeerTube and HLS hosts this platform allows; ${host} is none of them.`);
}
