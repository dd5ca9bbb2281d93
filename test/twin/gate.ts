/**
 * Whether the twin suite runs here. It needs root, Linux namespaces and the Debian packages, and
 * takes minutes, so `npm test` skips it (one line says why) unless MULTICLOUD_VPN_TWIN is set:
 * `npm run twin` sets it to `run` (skip when the machine cannot run it), CI to `require` (a missing
 * prerequisite is a failure).
 */
import { readFileSync } from 'node:fs';
import { missingPrerequisites, TWIN_PACKAGES } from '../../lib/twin/prerequisites';

export const TWIN_ENV = 'MULTICLOUD_VPN_TWIN';
const mode = (process.env[TWIN_ENV] ?? '').trim();
let announced = false;

/** `describe` when the twin suite runs, else a skipped describe whose title (and one stderr line) says why. */
export function describeTwin(title: string, body: () => void, options: { needsMachine?: boolean; announce?: boolean; } = {}): void {
  const missing = options.needsMachine === false ? [] : missingPrerequisites();
  if (mode === '' || mode === '0') {
    skip(title, body, `set ${TWIN_ENV}=1 or run \`npm run twin\` (root + apt-get install ${TWIN_PACKAGES.join(' ')})`, options.announce);
  } else if (missing.length === 0) {
    describe(title, body);
  } else if (mode === 'require') {
    describe(title, () => {
      test(`the twin's prerequisites are present (${TWIN_ENV}=require)`, () => {
        expect(missing).toEqual([]);
      });
    });
  } else {
    skip(title, body, `this machine lacks ${missing.join('; ')}`, options.announce);
  }
}

/** One line per run: only the suite marked `announce` prints it (the others say it in their titles). */
function skip(title: string, body: () => void, reason: string, announce = false): void {
  if (announce && !announced) {
    process.stderr.write(`twin suite skipped: ${reason}\n`);
    announced = true;
  }
  describe.skip(`${title} (skipped: ${reason})`, body);
}

/** Processes still alive among `pids` (a PID reused by an unrelated program is not ours: compare the name). */
export function stillRunning(daemons: readonly { name: string; pid: number; }[]): string[] {
  return daemons.filter((d) => {
    try {
      return readFileSync(`/proc/${d.pid}/comm`, 'utf8').trim() === d.name;
    } catch {
      return false;
    }
  }).map((d) => `${d.name} ${d.pid}`);
}
