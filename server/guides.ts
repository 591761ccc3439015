// Facilitator guides: docs/guides/<scenario id>.md (GUIDE_DIR), read when the console asks.
import fs from 'node:fs/promises';
import path from 'node:path';

/** A guide is Markdown of a few pages; a bigger file is not one. */
const MAX_GUIDE_BYTES = 256 * 1024;

/** The guide of a scenario, or null when it has none. The id is a scenario id (lowercase letters,
 *  digits and dashes), so the name cannot leave the guide directory. */
export async function readGuide(guideDir: string, scenarioId: string): Promise<string | null> {
  if (!/^[a-z][a-z0-9-]{0,47}$/.test(scenarioId)) return null;
  const file = path.join(guideDir, `${scenarioId}.md`);
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile() || stat.size > MAX_GUIDE_BYTES) return null;
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
