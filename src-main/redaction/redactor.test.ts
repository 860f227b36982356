import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from './redactor';

describe('Redactor.redact', () => {
  it('returns text unchanged when it knows no secret', () => {
    expect(new Redactor().redact('nothing to hide here')).toBe('nothing to hide here');
  });

  it('replaces every occurrence of every secret', () => {
    const r = new Redactor();
    r.addSecret('app-secret-123', 'refresh-tok-456');
    const text = 'a=app-secret-123&b=refresh-tok-456&c=app-secret-123 app-secret-123app-secret-123';
    const out = r.redact(text);
    expect(out).toBe(`a=${REDACTED}&b=${REDACTED}&c=${REDACTED} ${REDACTED}${REDACTED}`);
    expect(out).not.toContain('app-secret-123');
    expect(out).not.toContain('refresh-tok-456');
  });

  it.each([
    ['short first', ['abcd', 'abcdefgh']],
    ['long first', ['abcdefgh', 'abcd']],
  ])('redacts the longer of two overlapping secrets whole (%s)', (_label, secrets) => {
    const r = new Redactor();
    r.addSecret(...secrets);
    expect(r.redact('x abcdefgh y abcd z')).toBe(`x ${REDACTED} y ${REDACTED} z`);
  });

  it('leaves no tail of a long secret that contains a short one in the middle', () => {
    const r = new Redactor();
    r.addSecret('cdef', 'abcdefghij');
    const out = r.redact('[abcdefghij]');
    expect(out).toBe(`[${REDACTED}]`);
    expect(out).not.toMatch(/ghij|abcd/);
  });

  it('treats regex metacharacters in secrets literally', () => {
    const secret = 'p.a*s+s?^${x}(y)|[z]\\w';
    const r = new Redactor();
    r.addSecret(secret);
    expect(r.redact(`before ${secret} after`)).toBe(`before ${REDACTED} after`);
    // "." and "*" must not act as wildcards.
    expect(r.redact('pXaaaass^${x}(y)|[z]\\w')).toBe('pXaaaass^${x}(y)|[z]\\w');
  });

  it('does not let a secret act as a wildcard or alternation', () => {
    const r = new Redactor();
    r.addSecret('1.2.3', 'ab|cdefg', '[xyz]+');
    expect(r.redact('1x2y3 ab cdefg x xyz')).toBe('1x2y3 ab cdefg x xyz');
    expect(r.redact('v1.2.3 ab|cdefg [xyz]+')).toBe(`v${REDACTED} ${REDACTED} ${REDACTED}`);
  });

  it('treats $ sequences in a secret literally and does not let them act in the replacement', () => {
    const r = new Redactor();
    r.addSecret("$&$1$'x");
    expect(r.redact("a $&$1$'x b")).toBe(`a ${REDACTED} b`);
  });

  it('ignores values shorter than 4 characters and empty values', () => {
    const r = new Redactor();
    r.addSecret('abc', '', null, undefined, 'a');
    expect(r.redact('abc a abcabc')).toBe('abc a abcabc');
  });

  it('redacts a 4-character value', () => {
    const r = new Redactor();
    r.addSecret('abcd');
    expect(r.redact('xabcdx')).toBe(`x${REDACTED}x`);
  });

  it('picks up secrets added after a previous redact call', () => {
    const r = new Redactor();
    r.addSecret('first-secret');
    expect(r.redact('first-secret second-secret')).toBe(`${REDACTED} second-secret`);
    r.addSecret('second-secret');
    expect(r.redact('first-secret second-secret')).toBe(`${REDACTED} ${REDACTED}`);
  });

  it('is stable across repeated calls (no lastIndex state leaks between calls)', () => {
    const r = new Redactor();
    r.addSecret('token-value');
    for (let i = 0; i < 3; i += 1) expect(r.redact('token-value')).toBe(REDACTED);
  });

  it('also blanks the spellings a JSON body gives a secret (escaped quotes, PHP\'s \\/)', () => {
    const r = new Redactor();
    r.addSecret('pa"ss/word');
    expect(r.redact('{"a":"pa\\"ss/word","b":"pa\\"ss\\/word","c":"pa"ss/word"}')).toBe(`{"a":"${REDACTED}","b":"${REDACTED}","c":"${REDACTED}"}`);
    expect(r.spellings()).toEqual(['pa"ss/word', 'pa\\"ss/word', 'pa\\"ss\\/word']);
  });

  it('clear() forgets every secret, and new ones still work afterwards', () => {
    const r = new Redactor();
    r.addSecret('old-secret-1', 'old-secret-2');
    expect(r.redact('old-secret-1')).toBe(REDACTED);
    r.clear();
    expect(r.redact('old-secret-1 old-secret-2')).toBe('old-secret-1 old-secret-2');
    r.addSecret('new-secret');
    expect(r.redact('old-secret-1 new-secret')).toBe(`old-secret-1 ${REDACTED}`);
  });
});

describe('Redactor.redactUrl', () => {
  it('blanks the access_token parameter even when the token is unknown', () => {
    const r = new Redactor();
    expect(r.redactUrl('https://www.humanity.com/api/v2/me?access_token=abc123def&x=1')).toBe(
      `https://www.humanity.com/api/v2/me?access_token=${REDACTED}&x=1`,
    );
  });

  it('blanks access_token in any position and any case, up to & or #', () => {
    const r = new Redactor();
    expect(r.redactUrl('https://h/api/v2/me?a=1&access_token=zzz')).toBe(`https://h/api/v2/me?a=1&access_token=${REDACTED}`);
    expect(r.redactUrl('https://h/api/v2/me?ACCESS_TOKEN=zzz&b=2')).toBe(`https://h/api/v2/me?ACCESS_TOKEN=${REDACTED}&b=2`);
    expect(r.redactUrl('https://h/api/v2/me?access_token=zzz#frag')).toBe(`https://h/api/v2/me?access_token=${REDACTED}#frag`);
    expect(r.redactUrl('https://h/api/v2/me?access_token=one&access_token=two')).toBe(
      `https://h/api/v2/me?access_token=${REDACTED}&access_token=${REDACTED}`,
    );
  });

  it('accepts URL objects', () => {
    const r = new Redactor();
    const url = new URL('https://h/api/v2/shifts?start_date=2024-01-01');
    url.searchParams.set('access_token', 'live-token-xyz');
    const out = r.redactUrl(url);
    expect(out).not.toContain('live-token-xyz');
    expect(out).toContain(`access_token=${REDACTED}`);
    expect(out).toContain('start_date=2024-01-01');
  });

  it('also redacts known secrets elsewhere in the URL', () => {
    const r = new Redactor();
    r.addSecret('known-secret');
    expect(r.redactUrl('https://h/api/v2/x/known-secret?q=known-secret')).toBe(`https://h/api/v2/x/${REDACTED}?q=${REDACTED}`);
  });

  it('leaves parameters that only look similar alone', () => {
    const r = new Redactor();
    expect(r.redactUrl('https://h/api/v2/me?my_access_token_hint=1')).toBe('https://h/api/v2/me?my_access_token_hint=1');
  });
});

describe('Redactor token rotation', () => {
  it('keeps the App Secret and password however many tokens rotate through', () => {
    const r = new Redactor();
    r.addSecret('the-app-secret', 'the-password');
    for (let i = 0; i < 1000; i += 1) r.addToken(`token-${i}-xxxxxxxx`);
    expect(r.redact('the-app-secret the-password token-999-xxxxxxxx')).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`);
    expect(r.redact('token-0-xxxxxxxx')).toBe('token-0-xxxxxxxx');
  });
});
