import { ProblemException } from '@polity/platform';
import { parseStreamUrl } from './stream-url';

const hosts = { peertubeHosts: ['videos.example-city.org'], hlsHosts: ['live.example-city.org'] };
const embedOf = (url: string) => parseStreamUrl(url, hosts).embedUrl;

function refusal(url: string): string {
  try {
    parseStreamUrl(url, hosts);
  } catch (error) {
    if (error instanceof ProblemException) return error.problem.code;
    throw error;
  }
  throw new Error(`accepted ${url}`);
}

describe('parseStreamUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ?feature=share', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871'],
    ['https://player.vimeo.com/video/76979871', 'https://player.vimeo.com/video/76979871'],
    ['https://vimeo.com/event/1234567', 'https://vimeo.com/event/1234567/embed'],
    [
      'https://videos.example-city.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d',
      'https://videos.example-city.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d',
    ],
    ['https://videos.example-city.org/w/kkGMgK9ZtnKfYAgnEtQxbv', 'https://videos.example-city.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv'],
    ['https://live.example-city.org/council/main.m3u8', 'https://live.example-city.org/council/main.m3u8'],
  ])('embeds %s as %s', (url, embed) => {
    expect(embedOf(url)).toBe(embed);
  });

  it('names the provider', () => {
    expect(parseStreamUrl('https://youtu.be/dQw4w9WgXcQ', hosts).provider).toBe('youtube');
    expect(parseStreamUrl('https://live.example-city.org/a.m3u8', hosts).provider).toBe('hls');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://evil.example.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=<script>',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload="x',
    'https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://vimeo.com/channels/staffpicks',
    'https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv',
    'https://live.example-city.org/council/page.html',
    'https://live.example-city.org:8443/council/main.m3u8',
    'not a url',
  ])('refuses %s', (url) => {
    expect(refusal(url)).toBe('invalid_stream_url');
  });
});
