import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { makeTestCertificates } from '../testing/test-network';
import { baseRoots, createTrustStore, nameOf, readExtraCertificates } from './trust-store';

const dir = mkdtempSync(join(tmpdir(), 'hae-trust-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('trusted certificates', () => {
  it("trusts Node's bundled roots, and the system's where this Node can read them", () => {
    const roots = baseRoots();
    expect(roots.certificates.length).toBeGreaterThanOrEqual(tls.rootCertificates.length);
    expect(roots.certificates).toEqual(expect.arrayContaining([...tls.rootCertificates]));
    if (typeof tls.getCACertificates !== 'function') expect(roots.fromSystem).toBe(0);
  });

  it('reads every certificate of a PEM file and names them', async () => {
    const one = makeTestCertificates('Corp Inspection CA', ['a.test']);
    const two = makeTestCertificates('Second Corp CA', ['b.test']);
    const path = file('two.pem', `Corp bundle\n${one.caPem}\n${two.caPem}`);
    expect((await readExtraCertificates(path)).names).toEqual(['Corp Inspection CA', 'Second Corp CA']);
  });

  it('refuses what is not a usable PEM file with a sentence naming the file', async () => {
    await expect(readExtraCertificates(file('empty.pem', 'hello'))).rejects.toThrow(/holds no certificate/);
    await expect(readExtraCertificates(file('broken.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).rejects.toThrow(/certificate 1 of 1 is damaged/);
    await expect(readExtraCertificates(join(dir, 'missing.pem'))).rejects.toThrow(`The extra trusted certificates file ${join(dir, 'missing.pem')} no longer exists.`);
    await expect(readExtraCertificates(dir)).rejects.toThrow(/is not a file/);
  });

  it('rebuilds the trusted set only when the file changes', async () => {
    let path: string | null = null;
    const store = createTrustStore(() => path);
    const plain = await store.anchors();
    expect(await store.anchors()).toBe(plain);
    path = file('ca.pem', makeTestCertificates('Corp Inspection CA', ['a.test']).caPem);
    const withFile = await store.anchors();
    expect(withFile.key).not.toBe(plain.key);
    expect(await store.anchors()).toBe(withFile);
  });

  it('names a certificate by its common name, else its organisation', () => {
    expect(nameOf('C=US\nO=Corp\nCN=Corp Inspection CA')).toBe('Corp Inspection CA');
    expect(nameOf('C=US\nO=Corp')).toBe('Corp');
    expect(nameOf('C=US')).toBe('C=US');
  });
});
