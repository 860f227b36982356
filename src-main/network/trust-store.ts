// The certificates HTTPS connections trust: the operating system's store and Node's bundled roots
// (where Node offers them: tls.getCACertificates, Node 22.15+, as in Electron), plus the user's
// "Extra trusted certificates" PEM file, read when a connection needs it (docs/architecture.md,
// "Networks: proxies and certificates").
import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import * as tls from 'node:tls';
import { AppError } from '../shared/app-error';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const MAX_PEM_BYTES = 4 * 1024 * 1024;

export interface BaseRoots {
  certificates: string[];
  /** How many came from the operating system's store (0 where Node cannot read it). */
  fromSystem: number;
}

/** System and bundled roots (and NODE_EXTRA_CA_CERTS); Node's bundled list alone where Node cannot read the system's. */
export function baseRoots(): BaseRoots {
  const read = (type: 'system' | 'bundled' | 'extra'): string[] => {
    try {
      return typeof tls.getCACertificates === 'function' ? tls.getCACertificates(type) : [];
    } catch {
      return [];
    }
  };
  const system = read('system');
  const bundled = read('bundled');
  const certificates = [...new Set([...system, ...(bundled.length > 0 ? bundled : tls.rootCertificates), ...read('extra')])];
  return { certificates, fromSystem: system.length };
}

export interface ExtraCertificates {
  certificates: string[];
  /** Each certificate's subject common name (or organisation), for Settings to list. */
  names: string[];
}

/** Reads and checks a PEM file; a clear sentence when it is missing, too big or holds no usable certificate. */
export async function readExtraCertificates(path: string): Promise<ExtraCertificates> {
  const where = `The extra trusted certificates file ${path}`;
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('invalid_file', `${where} is not a file. Choose a PEM file in Settings > Network.`);
    if (info.size > MAX_PEM_BYTES) throw new AppError('invalid_file', `${where} is larger than 4 MB, too big for a list of certificates. Choose a PEM file in Settings > Network.`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no longer exists' : code === 'EACCES' || code === 'EPERM' ? 'may not be read' : `could not be read (${code ?? 'unknown error'})`;
    throw new AppError('invalid_file', `${where} ${why}. Choose it again or remove it in Settings > Network.`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new AppError('invalid_file', `${where} holds no certificate: it should contain blocks that start with -----BEGIN CERTIFICATE----- (PEM). Ask your IT department for the certificate in PEM form.`);
  }
  const names = blocks.map((block, index) => {
    try {
      return nameOf(new X509Certificate(block).subject);
    } catch {
      throw new AppError('invalid_file', `${where}: certificate ${index + 1} of ${blocks.length} is damaged and cannot be read. Ask your IT department for the certificate in PEM form.`);
    }
  });
  return { certificates: blocks, names };
}

/** A distinguished name ("C=US\nO=Corp\nCN=Corp Inspection CA") as what a person calls it. */
export function nameOf(distinguishedName: string): string {
  const fields = new Map(distinguishedName.split('\n').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return fields.get('CN') ?? fields.get('O') ?? (distinguishedName.replace(/\n/g, ', ') || 'an unnamed issuer');
}

export interface TrustAnchors {
  /** Changes when the trusted set changes, so connections made with the old set are let go. */
  key: string;
  context: tls.SecureContext;
}

/** The anchors for the file Settings names now; rebuilt only when the file (its path, size or time) changes. */
export function createTrustStore(extraFile: () => string | null) {
  // Read when first needed: the system store can take a moment to read, start-up should not wait.
  let roots: BaseRoots | null = null;
  const base = () => (roots ??= baseRoots());
  let cached: { key: string; anchors: TrustAnchors } | null = null;
  return {
    base,
    async anchors(): Promise<TrustAnchors> {
      const path = extraFile();
      const info = path ? await stat(path).catch(() => null) : null;
      const key = path ? `${path}|${info?.size}|${info?.mtimeMs}` : '';
      if (cached?.key === key) return cached.anchors;
      const extra = path ? (await readExtraCertificates(path)).certificates : [];
      const anchors = { key, context: tls.createSecureContext({ ca: [...base().certificates, ...extra] }) };
      cached = { key, anchors };
      return anchors;
    },
  };
}
export type TrustStore = ReturnType<typeof createTrustStore>;
