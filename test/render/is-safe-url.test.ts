import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../src/render/is-safe-url.js';

describe('isSafeUrl', () => {
  it.each([
    'https://exemple.fr/page',
    'http://exemple.fr',
    'mailto:redaction@exemple.fr',
    'tel:+33123456789',
    '#section',
    '/articles/talents-en-ia',
    'talents-en-ia.html',
    '?page=2',
    './a:b',
    '',
  ])('accepts %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
  ])('rejects %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});
