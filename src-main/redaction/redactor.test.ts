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
    ['short first', ['abcdefghijkl', 'abcdefghijklmnop']],
    ['long first', ['abcdefghijklmnop', 'abcdefghijkl']],
  ])('redacts the longer of two overlapping secrets whole (%s)', (_label, secrets) => {
    const r = new Redactor();
    r.addSecret(...secrets);
    expect(r.redact('x abcdefghijklmnop y abcdefghijkl z')).toBe(`x ${REDACTED} y ${REDACTED} z`);
  });

  it('leaves no tail of a long secret that contains another in the middle', () => {
    const r = new Redactor();
    r.addSecret('cdefghijklmn', 'abcdefghijklmnopqr');
    const out = r.redact('[abcdefghijklmnopqr]');
    expect(out).toBe(`[${REDACTED}]`);
    expect(out).not.toMatch(/opqr|abcd/);
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
    r.addSecret('1.2.3.4.5.6.7', 'ab|cdefghijkl', '[xyz]+[uvw]*(q)');
    expect(r.redact('1x2y3z4a5b6c7 ab cdefghijkl x xyz')).toBe('1x2y3z4a5b6c7 ab cdefghijkl x xyz');
    expect(r.redact('v1.2.3.4.5.6.7 ab|cdefghijkl [xyz]+[uvw]*(q)')).toBe(`v${REDACTED} ${REDACTED} ${REDACTED}`);
  });

  it('treats $ sequences in a secret literally and does not let them act in the replacement', () => {
    const r = new Redactor();
    r.addSecret("$&$1$'x-long-one");
    expect(r.redact("a $&$1$'x-long-one b")).toBe(`a ${REDACTED} b`);
  });

  it('ignores values shorter than 4 characters and empty values', () => {
    const r = new Redactor();
    r.addSecret('abc', '', null, undefined, 'a');
    expect(r.redact('abc a abcabc')).toBe('abc a abcabc');
  });

  it('a secret under 12 characters is blanked as a whole value only, never inside other text', () => {
    const r = new Redactor();
    r.addSecret('2024', 'hunter2!');
    // Whole values: a whole string (a header value, a message that is only the secret) and a JSON string.
    expect(r.redact('2024')).toBe(REDACTED);
    expect(r.redact('hunter2!')).toBe(REDACTED);
    expect(r.redact('{"pw":"hunter2!","year":"2024","n":2024}')).toBe(`{"pw":"${REDACTED}","year":"${REDACTED}","n":2024}`);
    // Inside other text: dates, numbers, sentences and longer strings stay exactly as they were.
    const data = '{"start_date":"2024-03-01","id":120245,"note":"rota 2024 and hunter2!!","x":"hunter2!x"}';
    expect(r.redact(data)).toBe(data);
    expect(JSON.parse(r.redact('{"a":"2024","b":["2024"]}'))).toEqual({ a: REDACTED, b: [REDACTED] });
  });

  it('a secret of 12 or more characters is blanked wherever it appears', () => {
    const r = new Redactor();
    r.addSecret('correct-horse');
    expect(r.redact('xcorrect-horsex')).toBe(`x${REDACTED}x`);
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
    r.addSecret('pa"ss/word-long');
    expect(r.redact('{"a":"pa\\"ss/word-long","b":"pa\\"ss\\/word-long","c":"pa"ss/word-long"}')).toBe(`{"a":"${REDACTED}","b":"${REDACTED}","c":"${REDACTED}"}`);
    expect(r.spellings()).toEqual(['pa"ss/word-long', 'pa\\"ss/word-long', 'pa\\"ss\\/word-long']);
  });

  it('searches bodies for short secrets as whole JSON strings only', () => {
    const r = new Redactor();
    r.addSecret('2024', 'a-long-enough-token');
    expect(r.spellings()).toEqual(['a-long-enough-token', '"2024"']);
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
    r.addSecret('known-secret-1');
    expect(r.redactUrl('https://h/api/v2/x/known-secret-1?q=known-secret-1')).toBe(`https://h/api/v2/x/${REDACTED}?q=${REDACTED}`);
  });

  it('leaves a short secret in a URL alone: its path and query are what the window sent, so blanking would answer guesses', () => {
    const r = new Redactor();
    r.addSecret('2024', 'a-long-enough-secret');
    expect(r.redactUrl('https://h/api/v2/shifts/2024?q=2024&t=a-long-enough-secret')).toBe(`https://h/api/v2/shifts/2024?q=2024&t=${REDACTED}`);
  });

  it('redactLong blanks long secrets only, so what the window sent never tells it which guess was the password', () => {
    const r = new Redactor();
    r.addSecret('7391', 'a-long-enough-secret');
    expect(r.redactLong('7391')).toBe('7391');
    expect(r.redactLong('{"q":"7391","t":"a-long-enough-secret"}')).toBe(`{"q":"7391","t":"${REDACTED}"}`);
    expect(r.redact('7391')).toBe(REDACTED);
  });

  it('leaves parameters that only look similar alone', () => {
    const r = new Redactor();
    expect(r.redactUrl('https://h/api/v2/me?my_access_token_hint=1')).toBe('https://h/api/v2/me?my_access_token_hint=1');
  });
});

describe('Redactor memory', () => {
  it('never forgets a secret while the app runs, however many tokens rotate through', () => {
    const r = new Redactor();
    r.addSecret('the-app-secret', 'the-password-1');
    for (let i = 0; i < 1000; i += 1) r.addSecret(`token-${i}-xxxxxxxx`);
    expect(r.redact('the-app-secret the-password-1 token-999-xxxxxxxx token-0-xxxxxxxx')).toBe(`${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED}`);
  });
});
