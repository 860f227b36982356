// Checks the server's certificate after the TLS handshake and before anything is sent, so a
// refusal can name the host and the certificate's issuer (Node's own refusal names neither).
// Node still verifies the chain and the host name against the trusted set (authorized /
// authorizationError); a socket it did not authorize is closed here, unused. Verification is never
// switched off (docs/architecture.md, "Networks: proxies and certificates").
import { TLSSocket } from 'node:tls';
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

/** Wraps an undici connector made with rejectUnauthorized: false, refusing every socket Node did not authorize. */
export function checkingCertificates(connect: buildConnector.connector): buildConnector.connector {
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error) return callback(error, null);
      if (!(socket instanceof TLSSocket) || socket.authorized) return callback(null, socket!);
      const certificate = socket.getPeerCertificate(false);
      const refused = new CertificateRefusedError(
        options.servername || options.hostname,
        String(socket.authorizationError ?? 'UNKNOWN'),
        certificate?.issuer ? nameOf(Object.entries(certificate.issuer).map(([k, v]) => `${k}=${String(v)}`).join('\n')) : 'an unknown issuer',
        certificate?.valid_to ?? '',
        certificate?.subjectaltname ?? '',
      );
      socket.destroy();
      callback(refused, null);
    });
}
