import { cleanText, renderMarkdown } from './render-markdown';

describe('renderMarkdown', () => {
  it('renders the allowed subset', () => {
    expect(renderMarkdown('**Safer** crossing at _Elm Street_\n\n- one\n- two')).toBe(
      '<p><strong>Safer</strong> crossing at <em>Elm Street</em></p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
  });

  it.each([
    ['<script>alert(1)</script>', /<script/i],
    ['<img src=x onerror=alert(1)>', /<img/i],
    ['[click](javascript:alert(1))', /href="javascript/i],
    ['[click](JaVaScRiPt:alert(1))', /href="javascript/i],
    ['[click](data:text/html;base64,PHNjcmlwdD4=)', /href="data/i],
    ['<a href="javascript:alert(1)">x</a>', /<a /i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['![x](https://evil.example/x.png" onerror="alert(1))', /<[^>]*onerror=/i],
  ])('leaves %s inert', (payload, executable) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(executable);
    // Whatever survives as text is escaped; every real tag is allow-listed and carries no handler or script URL.
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
      expect(tag).toMatch(/^<(p|a|ul|ol|li|strong|em|br|code|pre)[\s>]/);
      expect(tag).not.toMatch(/\son\w+=|javascript:|data:/i);
    }
  });

  it('keeps safe links, opening them without passing the referrer', () => {
    expect(renderMarkdown('see https://city.example/plan')).toBe(
      '<p>see <a href="https://city.example/plan" rel="nofollow noopener noreferrer ugc" target="_blank">https://city.example/plan</a></p>',
    );
  });

  it('gives the same html for a text rendered again (from its cache)', () => {
    const source = 'A **bench** by the pond, see https://city.example/pond';
    const first = renderMarkdown(source);
    expect(renderMarkdown(source)).toBe(first);
    expect(first).toContain('<strong>bench</strong>');
  });

  it('removes control characters from stored text', () => {
    expect(cleanText('a\u0000b\r\nc\u0007')).toBe('ab\nc');
  });
});
