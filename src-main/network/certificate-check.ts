// Checks the server's certificate after the TLS handshake and before anything is sent, so a
// refusal can name the host and the certificate's issuer (Node's own refusal names neither).
// Node still verifies the chain against the trusted set (authorized / authorizationError); the
// host name is checked here as well, because Node skips that check on a resumed TLS session. A
// socket that fails either is closed here, unused. Verification is never switched off
// (docs/architecture.md, "Networks: proxies and certificates").
import { checkServerIdentity, TLSSocket } from 'node:tls';
import type { buildConnector } from 'undici';
import { nameOf } from './trust-store';

/** A server certificate the trusted set does not vouch for: nothing was sent on that connection. */
export class CertificateRefusedError extends Error {
  override readonly name = 'CertificateRefusedError';
  constructor(
    readonly host: string,
    /** Node's reason code, e.g. UNABLE_TO_GET_ISSUER_CERT_LOCALLY or ERR_TLS_CERT_ALTNAME_INVALID. */
    readonly reason: string,
    readonly issuer: string,
    readonly validTo: string,
    readonly altNames: string,
  ) {
    super(`Certificate of ${host} refused: ${reason}`);
  }
}

/** Why the socket must not carry a request to `host`, or null when the chain and the name are vouched for. */
function refusalReason(socket: TLSSocket, host: string): string | null {
  if (!socket.authorized) return String(socket.authorizationError ?? 'UNKNOWN');
  // A resumed session may show no certificate at all: then the name cannot match, and it is refused.
  const mismatch = checkServerIdentity(host, socket.getPeerCertificate(false)) as NodeJS.ErrnoException | undefined;
  return mismatch ? (mismatch.code ?? mismatch.message) : null;
}

/** Wraps an undici connector made with rejectUnauthorized: false, refusing every socket whose chain or host name is not vouched for. */
export function checkingCertificates(connect: buildConnector.connector): buildConnector.connector {
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error) return callback(error, null);
      if (!(socket instanceof TLSSocket)) return callback(null, socket!);
      const host = options.servername || options.hostname;
      const reason = refusalReason(socket, host);
      if (reason === null) return callback(null, socket);
      const certificate = socket.getPeerCertificate(false);
      const refused = new CertificateRefusedError(
        host,
        reason,
        certificate?.issuer ? nameOf(Object.entries(certificate.issuer).map(([k, v]) => `${k}=${String(v)}`).join('\n')) : 'an unknown issuer',
        certificate?.valid_to ?? '',
        certificate?.subjectaltname ?? '',
      );
      socket.destroy();
      callback(refused, null);
    });
}
