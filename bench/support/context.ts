// What the figures share in one run: the sandbox (the API the app talks to), a host serving
// Humanity-like /shifts answers of 1, 10, 50 and 100 MB built from the sandbox's shift generator
// (the sandbox itself caps /shifts at 31 days), and real main-side cores signed in to either.
// Bodies are generated once per run, before anything is measured.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { startSandbox, type SandboxServer } from '../../src-main/sandbox/server';
import { startCore, type CoreFixture, type CoreFixtureOptions } from '../../src-main/testing/core-fixture';
import { makeShiftsBody, shiftsRoute, type ShiftsBody } from '../../src-main/testing/large-shifts';
import { startScriptedHost, type Route, type ScriptedHost } from '../../src-main/testing/scripted-host';

const MB = 1024 * 1024;

export interface BenchContext {
  sandbox: SandboxServer;
  /** Serves GET /api/v2/shifts-<mb> for every body made with shiftsBody(mb). */
  bigHost: ScriptedHost;
  /** A Humanity-like /shifts answer of about `mb` MB, made once per run. */
  shiftsBody(mb: number): ShiftsBody;
  /** A core signed in to the sandbox, or to the big-body host; closed when the figure ends. */
  signedInCore(target: 'sandbox' | 'bigHost', options?: CoreFixtureOptions & { settings?: Record<string, unknown> }): Promise<CoreFixture>;
  /** A folder removed at the end of the run. */
  tempDir(): string;
  /** A full garbage collection, so memory figures count only what is still held. */
  collectGarbage(): void;
}

export interface BenchRun extends BenchContext {
  /**
   * Closes the cores a figure opened, with the bodies and worker threads they hold: each figure
   * is measured on a process in the state it would be in alone, not after the last one's 1 GB.
   */
  endFigure(): Promise<void>;
  close(): Promise<void>;
}

export async function openBenchContext(): Promise<BenchRun> {
  const sandbox = await startSandbox();
  const routes: Record<string, Route> = {};
  const bigHost = await startScriptedHost(routes);
  const bodies = new Map<number, ShiftsBody>();
  const cores: CoreFixture[] = [];
  const dirs: string[] = [];
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return {
    sandbox,
    bigHost,
    shiftsBody(mb) {
      let body = bodies.get(mb);
      if (!body) {
        body = makeShiftsBody(mb * MB);
        bodies.set(mb, body);
        routes[`/api/v2/shifts-${mb}`] = shiftsRoute(body);
      }
      return body;
    },
    async signedInCore(target, { settings, ...options } = {}) {
      const core = await startCore({ sandbox, ...options });
      cores.push(core);
      const login = await core.login(target === 'bigHost' ? { host: bigHost.url } : {});
      if (!login.ok) throw new Error(`Sign-in for the bench failed: ${login.error.message}`);
      if (settings) {
        const updated = await core.call('settings:update', settings);
        if (!updated.ok) throw new Error(updated.error.message);
      }
      return core;
    },
    tempDir() {
      const dir = mkdtempSync(join(tmpdir(), 'hae-bench-'));
      dirs.push(dir);
      return dir;
    },
    collectGarbage() {
      gc();
      gc();
    },
    async endFigure() {
      for (const core of cores.splice(0)) await core.close();
      gc();
    },
    async close() {
      for (const core of cores) await core.close();
      await bigHost.close();
      await sandbox.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
