import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCertificate {
  /** The test CA's certificate (PEM), for clients that verify. */
  ca: string;
  /** The server's certificate and key in one PEM file (HAProxy's `crt`). */
  pemFile: string;
  /** base64 SHA-256 of the server certificate's public key: Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  remove(): void;
}

/**
 * A throwaway CA and a certificate it signs for `localhost` and 127.0.0.1, made with openssl for
 * one test: nothing is trusted beyond the clients the test hands the CA or the key hash to.
 */
export function makeTestCertificate(): TestCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-cert-'));
  const at = (f: string) => path.join(dir, f);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Mockloop test CA',
  );
  openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  fs.writeFileSync(
    at('ext.cnf'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
  const cert = fs.readFileSync(at('server.pem'), 'utf8');
  fs.writeFileSync(at('tls.pem'), cert + fs.readFileSync(at('server.key'), 'utf8'));
  const spkiDer = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return {
    ca: fs.readFileSync(at('ca.pem'), 'utf8'),
    pemFile: at('tls.pem'),
    spki: createHash('sha256').update(spkiDer).digest('base64'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
