// How long a failed login takes to answer, by case (issue 8.3): an unknown login, a wrong password, a
// disabled account with the right password, and a paused login. They should take the same time (one
// argon2 verification each), so the time does not tell which logins exist. Each case from its own
// client address, interleaved, on the embedded database; the median and the 90th percentile.
import { generatePersonalDataKey } from '../src/lib/personal-data.js';
import { loadConfig } from '../src/config.js';
import { openPglite } from '../src/db/client.js';
import { buildApp } from '../src/http/app.js';
import { depsFor } from '../src/main.js';
import { buildAgency, buildUser } from '../test/support/factories.js';
import { loginFrom } from '../test/support/instances.js';

export const title = 'failed-login answer time by case (should be equal)';

const ROUNDS = 30;

export async function run(): Promise<void> {
  const database = await openPglite();
  await database.migrate();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    LOGIN_RATE_LIMIT: '100000',
  });
  const deps = await depsFor(database, config, {
    sessionSecret: 'bench-session-secret-0123456789abcdef',
    auditSecret: 'bench-audit-secret-0123456789abcdefgh',
    personalDataKey: generatePersonalDataKey(),
  });
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  try {
    const agency = await buildAgency(deps);
    const wrong = await buildUser(deps, { agencyId: agency.id });
    const disabled = await buildUser(deps, { agencyId: agency.id, trait: 'disabled' });
    const paused = await buildUser(deps, { agencyId: agency.id });
    for (let i = 0; i < 5; i++) await loginFrom(app, '192.0.2.4', paused.login, `Wrong-guess-${i}`);
    const cases: [string, () => Promise<unknown>][] = [
      ['unknown login', () => loginFrom(app, '192.0.2.1', 'no-such-login', 'Wrong-guess-0')],
      ['wrong password', () => loginFrom(app, '192.0.2.2', wrong.login, 'Wrong-guess-0')],
      ['disabled, right password', () => loginFrom(app, '192.0.2.3', disabled.login, disabled.password)],
      ['paused login', () => loginFrom(app, '192.0.2.4', paused.login, paused.password)],
    ];
    const times = new Map<string, number[]>(cases.map(([n]) => [n, []]));
    for (let r = 0; r < ROUNDS + 3; r++) {
      for (const [name, attempt] of cases) {
        const t0 = performance.now();
        await attempt();
        if (r >= 3) times.get(name)!.push(performance.now() - t0); // three warm-up rounds
      }
    }
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;
    console.log('case                        median ms   p90 ms   (page GET + form POST each)');
    for (const [name, xs] of times)
      console.log(
        `${name.padEnd(26)} ${q(xs, 0.5).toFixed(1).padStart(8)} ${q(xs, 0.9).toFixed(1).padStart(8)}`,
      );
  } finally {
    await app.close();
    await database.close();
  }
}
