// Response bodies kept with history entries, one file each under <userData>/history-bodies/, so
// history.json stays small however many bodies are kept. A file holds the body text (already
// redacted) and the response details a reopened entry shows beside it.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { responseSummary } from '../shared/contract';
import { writeChunksAtomic } from '../export/atomic-file';
import { PRIVATE_FILE_MODE, privateFolder } from '../store/document-store';

const keptBody = z.object({
  response: responseSummary.pick({ httpStatus: true, statusText: true, url: true, envelope: true, headers: true, contentType: true, bodyKind: true, refreshed: true }),
  text: z.string(),
});
export type KeptBody = z.infer<typeof keptBody>;

export const BODIES_FOLDER = 'history-bodies';

export function openBodyFolder(dir: string) {
  const folder = join(dir, BODIES_FOLDER);
  const pathOf = (id: string) => join(folder, `${id}.json`);

  return {
    /** Async, so a burst of kept bodies never holds up requests in flight. */
    async write(id: string, body: KeptBody): Promise<void> {
      privateFolder(folder);
      await writeChunksAtomic(pathOf(id), [JSON.stringify(body)]);
      // Bodies are personal data; the folder is 0700, so no one else could open it meanwhile.
      await chmod(pathOf(id), PRIVATE_FILE_MODE);
    },

    /** Null when the file is gone or damaged: the entry then reopens without its response. */
    read(id: string): KeptBody | null {
      try {
        const parsed = keptBody.safeParse(JSON.parse(readFileSync(pathOf(id), 'utf8')));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },

    remove(id: string): void {
      removeQuietly(pathOf(id));
    },

    removeAll(): void {
      removeQuietly(folder);
    },

    /** Deletes files no entry refers to: left by a crash between writes, or temp files. */
    keepOnly(ids: ReadonlySet<string>): void {
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        return;
      }
      for (const name of names) {
        if (!name.endsWith('.json') || !ids.has(name.slice(0, -'.json'.length))) removeQuietly(join(folder, name));
      }
    },
  };
}

/** Best effort: a file that cannot be deleted now is swept at the next start. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 2 });
  } catch {
    // Left for keepOnly() at the next start.
  }
}
