/**
 * Integration files that `npm run test:integration:pg` leaves out: what they test does not touch
 * the store, so running them again on PostgreSQL proves nothing the SQLite pass did not, and they
 * are the slowest of the suite (about 7 of its 13 minutes under load). The code sandbox and its
 * toolchains, the HTTP and socket edges (headers, hosts, TLS, malformed input, per-address
 * limits), the config parser and the benchmark's smoke test. Every file that stores or reads rooms,
 * rounds, documents, feedback, simulations, reviews or questions runs on both databases.
 */
export const STORE_INDEPENDENT_TESTS = [
  'server/test/generatedStarters.test.ts',
  'server/test/serverRunsHostile.test.ts',
  'server/test/serverRuns.test.ts',
  'server/test/serverRunsFairUse.test.ts',
  'server/test/runnerCluster.test.ts',
  'server/test/config.test.ts',
  'server/test/securityHeaders.test.ts',
  'server/test/hosts.test.ts',
  'server/test/https.test.ts',
  'server/test/staticFiles.test.ts',
  'server/test/malformedRequests.test.ts',
  'server/test/addressLimits.test.ts',
  'bench/load/run.smoke.test.ts',
];
