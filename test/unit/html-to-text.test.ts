import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../shared/domain/feeds/html-to-text.js';

describe('htmlToText', () => {
  it.each([
    [
      'paragraphs',
      '<p>First one.</p><p>Second (Interfax, May 3).</p>',
      'First one.\n\nSecond (Interfax, May 3).',
    ],
    ['double line breaks', 'First one.<br><br>Second one.', 'First one.\n\nSecond one.'],
    [
      'entities',
      '<p>Moscow&rsquo;s &ldquo;no&rdquo; &amp; Washington&#8217;s &#x201C;yes&#x201D;</p>',
      'Moscow’s “no” & Washington’s “yes”',
    ],
    ['scripts and styles', '<p>Text.</p><script>alert(1)</script><style>p{}</style>', 'Text.'],
    ['inline markup', '<p>The <b>ABM</b> <a href="x">treaty</a>.</p>', 'The ABM treaty .'],
  ])('reduces %s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
