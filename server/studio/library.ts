// The scenario library: instructors' scenarios in the store, every save kept as a new version
// (nothing is ever changed or deleted: a restore is a new version with an older text). Each
// version keeps its text exactly as sent, with the validator's verdict at the time of saving and,
// when valid, its home-page listing (so listing never re-reads the YAML).
import { STUDIO_LIMITS } from '@shared/protocol/limits';
import { type Diagnostic, type Instructor, type LibraryEntry, type ScenarioListing, type VersionInfo, type VersionText, type Visibility } from '@shared/protocol/studio';
import type { Scenario } from '@shared/scenario/schema';
import { Instructors } from '../instructors';
import { randomToken } from '../secrets';
import type { Db, Queries } from '../store/db';
import type { Checked } from './check';

/** A listed summary or learning objective is cut at this length, and at most this many objectives listed. */
const LISTED_TEXT_CHARS = 600;
const LISTED_OBJECTIVES = 12;

/** What the caller asks to save, with the validator's verdict on it. */
export interface NewVersion {
  yaml: string;
  checked: Checked;
  note: string | null;
  restoredFrom: number | null;
}

interface EntryRow {
  id: string;
  owner_id: string;
  owner_name: string;
  visibility: Visibility;
  created_at: number;
}

interface VersionRow {
  library_id: string;
  version: number;
  yaml: string;
  saved_at: number;
  saved_by: string;
  saved_by_name: string;
  scenario_id: string | null;
  title: string;
  valid: number;
  problem_count: number;
  warning_count: number;
  diagnostics: string;
  listing: string | null;
  restored_from: number | null;
  note: string | null;
}

/** The listed problems and warnings of a version (at most STUDIO_LIMITS.listedProblems each). */
interface Diagnostics {
  problems: Diagnostic[];
  warnings: Diagnostic[];
}

const ENTRY_SQL = `SELECT s.id, s.owner_id, i.name AS owner_name, s.visibility, s.created_at
  FROM library_scenarios s JOIN instructors i ON i.id = s.owner_id`;
const VERSION_SQL = `SELECT v.*, i.name AS saved_by_name FROM library_versions v JOIN instructors i ON i.id = v.saved_by`;
/** The same columns without the text: listings and histories never read the YAML. */
const VERSION_INFO_SQL = `SELECT v.library_id, v.version, octet_length(v.yaml) AS bytes, v.saved_at, v.saved_by, i.name AS saved_by_name,
  v.scenario_id, v.title, v.valid, v.problem_count, v.warning_count, v.restored_from, v.note
  FROM library_versions v JOIN instructors i ON i.id = v.saved_by`;

export class Library {
  readonly instructors: Instructors;

  constructor(private readonly db: Db) {
    this.instructors = new Instructors(db);
  }

  /** A new library scenario with `first` as version 1. */
  async create(owner: Instructor, visibility: Visibility, first: NewVersion, now: number): Promise<string> {
    const id = randomToken(9);
    await this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO library_scenarios (id, owner_id, visibility, created_at) VALUES (?, ?, ?, ?)', [id, owner.id, visibility, now]);
      await insertVersion(tx, id, 1, owner, first, now);
    });
    return id;
  }

  /** Saves `next` as the version after the latest; with `basedOn`, only if that is the latest
   *  (else nothing is saved and the latest is returned). */
  addVersion(id: string, by: Instructor, next: NewVersion, now: number, basedOn?: number): Promise<{ saved: number } | { conflict: number }> {
    return this.db.transaction(async (tx) => {
      // Locks the scenario's row (PostgreSQL; SQLite's transaction holds the whole file), so two
      // saves at once number their versions one after the other.
      await tx.run('UPDATE library_scenarios SET visibility = visibility WHERE id = ?', [id]);
      const latest = await latestVersion(tx, id);
      if (basedOn !== undefined && basedOn !== latest) return { conflict: latest };
      await insertVersion(tx, id, latest + 1, by, next, now);
      return { saved: latest + 1 };
    });
  }

  async setVisibility(id: string, visibility: Visibility): Promise<void> {
    await this.db.run('UPDATE library_scenarios SET visibility = ? WHERE id = ?', [visibility, id]);
  }

  /** The entry as `viewer` may see it: their own, or shared; otherwise null (as if absent). */
  async entry(id: string, viewer: Instructor): Promise<LibraryEntry | null> {
    const [row] = await this.db.query<EntryRow>(`${ENTRY_SQL} WHERE s.id = ?`, [id]);
    if (!row || (row.owner_id !== viewer.id && row.visibility !== 'shared')) return null;
    return this.toEntry(row, viewer);
  }

  /** The viewer's scenarios, then those others share; newest save first within each. */
  async list(viewer: Instructor): Promise<LibraryEntry[]> {
    const rows = await this.db.query<EntryRow>(`${ENTRY_SQL} WHERE s.owner_id = ? OR s.visibility = 'shared'`, [viewer.id]);
    const entries = await Promise.all(rows.map((row) => this.toEntry(row, viewer)));
    return entries.sort((a, b) => Number(b.mine) - Number(a.mine) || b.latest.savedAt - a.latest.savedAt || a.id.localeCompare(b.id));
  }

  async versions(id: string): Promise<VersionInfo[]> {
    const rows = await this.db.query<Omit<VersionRow, 'yaml' | 'diagnostics' | 'listing'> & { bytes: number }>(
      `${VERSION_INFO_SQL} WHERE v.library_id = ? ORDER BY v.version DESC`,
      [id],
    );
    return rows.map((row) => toInfo(row, row.bytes));
  }

  /** One version with its text (the latest when `version` is absent), or null. */
  async version(id: string, version?: number): Promise<VersionText | null> {
    const [row] = await this.db.query<VersionRow>(`${VERSION_SQL} WHERE v.library_id = ? AND v.version = ?`, [id, version ?? (await latestVersion(this.db, id))]);
    if (!row) return null;
    const diagnostics = JSON.parse(row.diagnostics) as Diagnostics;
    return { ...toInfo(row, Buffer.byteLength(row.yaml)), yaml: row.yaml, problems: diagnostics.problems, warnings: diagnostics.warnings };
  }

  /** The home page's entries of the library scenarios `viewer` may use, each at its newest
   *  valid version. */
  async listings(viewer: Instructor): Promise<ScenarioListing[]> {
    const rows = await this.db.query<EntryRow & { version: number; listing: string }>(
      `SELECT s.id, s.owner_id, i.name AS owner_name, s.visibility, v.version, v.listing
         FROM library_scenarios s JOIN instructors i ON i.id = s.owner_id
         JOIN library_versions v ON v.library_id = s.id
         WHERE (s.owner_id = ? OR s.visibility = 'shared')
           AND v.version = (SELECT max(version) FROM library_versions WHERE library_id = s.id AND valid = 1)
         ORDER BY s.owner_id = ? DESC, v.saved_at DESC, s.id`,
      [viewer.id, viewer.id],
    );
    return rows.map((row) => ({
      ...(JSON.parse(row.listing) as Omit<ScenarioListing, 'library'>),
      library: { id: row.id, version: row.version, owner: row.owner_name, mine: row.owner_id === viewer.id, visibility: row.visibility },
    }));
  }

  private async toEntry(row: EntryRow, viewer: Instructor): Promise<LibraryEntry> {
    const versions = await this.versions(row.id);
    return {
      id: row.id,
      owner: { id: row.owner_id, name: row.owner_name },
      mine: row.owner_id === viewer.id,
      visibility: row.visibility,
      createdAt: row.created_at,
      latest: versions[0],
      playableVersion: versions.find((v) => v.valid)?.version ?? null,
      versionCount: versions.length,
    };
  }
}

async function latestVersion(q: Queries, id: string): Promise<number> {
  const [row] = await q.query<{ latest: number | null }>('SELECT max(version) AS latest FROM library_versions WHERE library_id = ?', [id]);
  return row?.latest ?? 0;
}

async function insertVersion(tx: Queries, id: string, version: number, by: Instructor, next: NewVersion, now: number): Promise<void> {
  const { checked } = next;
  const diagnostics: Diagnostics = { problems: checked.problems, warnings: checked.warnings };
  await tx.run(
    `INSERT INTO library_versions (library_id, version, yaml, saved_at, saved_by, scenario_id, title, valid, problem_count, warning_count, diagnostics, listing, restored_from, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      version,
      next.yaml,
      now,
      by.id,
      checked.scenarioId,
      checked.title,
      checked.scenario ? 1 : 0,
      checked.problemCount,
      checked.warningCount,
      JSON.stringify(diagnostics),
      checked.scenario ? JSON.stringify(boundedListing(checked.scenario)) : null,
      next.restoredFrom,
      next.note,
    ],
  );
}

/** A scenario's home-page entry, as GET /api/scenarios lists the shipped ones. */
export function listingOf(s: Scenario): Omit<ScenarioListing, 'library'> {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    era: s.era,
    players: s.players,
    durationMinutes: s.durationMinutes,
    learningObjectives: s.learningObjectives,
  };
}

/** A library scenario's home-page entry, its texts cut to what a list shows: the scenario format
 *  bounds no text, and other instructors' home pages list shared scenarios. */
function boundedListing(s: Scenario): Omit<ScenarioListing, 'library'> {
  const listing = listingOf(s);
  return {
    ...listing,
    title: cut(listing.title, STUDIO_LIMITS.titleChars),
    summary: cut(listing.summary, LISTED_TEXT_CHARS),
    era: cut(listing.era, STUDIO_LIMITS.titleChars),
    learningObjectives: listing.learningObjectives.slice(0, LISTED_OBJECTIVES).map((o) => cut(o, LISTED_TEXT_CHARS)),
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function toInfo(row: Omit<VersionRow, 'yaml' | 'diagnostics' | 'listing'>, bytes: number): VersionInfo {
  return {
    version: row.version,
    savedAt: row.saved_at,
    savedBy: { id: row.saved_by, name: row.saved_by_name },
    scenarioId: row.scenario_id,
    title: row.title,
    valid: row.valid === 1,
    problemCount: row.problem_count,
    warningCount: row.warning_count,
    restoredFrom: row.restored_from,
    note: row.note,
    bytes,
  };
}
