// The Scenario Studio's HTTP routes under /api/studio (docs/api.md, "Studio"): the instructors'
// library and playtests. Every route needs an instructor key; a wrong one counts against the
// address like a wrong join code (docs/security.md, "Instructor keys"). The key is checked before
// the body is read, and a body is read up to STUDIO_LIMITS.bodyBytes.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ZodType } from 'zod';
import {
  CreateLibraryScenarioRequest,
  LibraryId,
  PlaytestRequest,
  RestoreVersionRequest,
  SaveVersionRequest,
  SetVisibilityRequest,
  type Diagnostic,
  type Instructor,
  type LibraryEntry,
  type LibraryRef,
  type LibraryScenarioAnswer,
  type PlaytestAnswer,
  type ScenarioListing,
  type StudioError,
} from '@shared/protocol/studio';
import { publicScenarioIn } from '@shared/engine/viewLanguage';
import { STUDIO_LIMITS } from '@shared/protocol/limits';
import type { Scenario } from '@shared/scenario/schema';
import { invalidRequest, unknownClassFormat } from '../httpErrors';
import { requestedLanguage } from '../scenarioLanguage';
import { judgeGuess } from '../secrets';
import type { Services } from '../services';
import type { InitialAction } from '../session';
import { openSession, UnknownClassFormatError } from '../sessions';
import { isRefused, type Checked } from './check';
import { ScenarioChecker } from './checker';
import { Library } from './library';

/** Versions one instructor may save per hour (each is kept for good: up to 1 MiB of disk). */
const SAVES = { max: 120, windowMs: 60 * 60_000 } as const;
/** Playtests one instructor may open per hour (each is a session: a room and rows on disk). */
const PLAYTESTS = { max: 30, windowMs: 60 * 60_000 } as const;


export interface Studio {
  router: express.Router;
  /** The library entries of GET /api/scenarios for this request: none without a key; null when
   *  the request was answered (a wrong key). */
  listingsFor(req: Request, res: Response): Promise<ScenarioListing[] | null>;
  /** The scenario a library reference of POST /api/sessions names, or null when the request was
   *  answered (no key, not visible, no such version, a version with problems). */
  scenarioToOpen(req: Request, res: Response, ref: LibraryRef): Promise<Scenario | null>;
}

export function studioRoutes(services: Services, addressOf: (req: Request) => string): Studio {
  const { clock } = services;
  const library = new Library(services.store.db);
  const checker = new ScenarioChecker();
  const saves = services.failureCounters.limiter('studio-saves', SAVES.max, SAVES.windowMs);
  const playtests = services.failureCounters.limiter('studio-playtests', PLAYTESTS.max, PLAYTESTS.windowMs);

  /** The instructor whose key the request carries, or null once the request is answered. */
  const instructorOf = async (req: Request, res: Response): Promise<Instructor | null> => {
    const key = bearerKey(req);
    if (key === undefined) {
      refuse(res, 401, { code: 'unauthorized', params: { key: 'instructor', reason: 'missing' } });
      return null;
    }
    const instructor = await library.instructors.byKey(key);
    const address = addressOf(req);
    const guess = await judgeGuess(services.joinFailures, address, clock.now(), instructor !== null);
    if (guess === 'blocked') {
      refuse(res, 429, { code: 'rate-limited', params: { limit: 'guesses' } });
      return null;
    }
    if (!instructor) {
      if (await services.joinFailures.blocked(address, clock.now())) req.log.warn({ address }, 'address blocked for repeated wrong join codes or keys');
      refuse(res, 401, { code: 'unauthorized', params: { key: 'instructor', reason: 'wrong' } });
      return null;
    }
    return instructor;
  };

  const router = express.Router();
  router.use(async (req, res, next) => {
    res.set('Cache-Control', 'no-store');
    const instructor = await instructorOf(req, res);
    if (!instructor) return;
    res.locals.instructor = instructor;
    next();
  });
  router.use(express.json({ limit: STUDIO_LIMITS.bodyBytes }));
  const me = (res: Response) => res.locals.instructor as Instructor;

  /** The visible entry of `:id`, or null once answered with 404. */
  const visible = async (req: Request, res: Response) => {
    const id = LibraryId.safeParse(req.params.id);
    const entry = id.success ? await library.entry(id.data, me(res)) : null;
    if (!entry) refuse(res, 404, { code: 'unknown-library-scenario' });
    return entry;
  };
  /** The entry of `:id` if the caller owns it, or null once answered. */
  const owned = async (req: Request, res: Response) => {
    const entry = await visible(req, res);
    if (entry && !entry.mine) {
      refuse(res, 403, { code: 'not-owner', params: { owner: entry.owner.name } });
      return null;
    }
    return entry;
  };
  /** The version number of `:version`, or null once answered with 404. */
  const versionParam = async (req: Request, res: Response, id: string): Promise<number | null> => {
    const text = String(req.params.version ?? req.query.version ?? '');
    const version = /^[1-9][0-9]{0,6}$/.test(text) ? Number(text) : null;
    if (version === null || !(await library.version(id, version))) {
      refuse(res, 404, { code: 'unknown-version', params: { version: text.slice(0, 12) } });
      return null;
    }
    return version;
  };
  const answer = async (id: string, viewer: Instructor, version?: number): Promise<LibraryScenarioAnswer> => ({
    scenario: (await library.entry(id, viewer))!,
    version: (await library.version(id, version))!,
    versions: await library.versions(id),
  });
  /** The validator's verdict on a text to save, or null once refused (nothing saved). */
  const checkToSave = async (res: Response, yaml: string): Promise<Checked | null> => {
    if (await saves.blocked(me(res).id, clock.now())) {
      refuse(res, 429, { code: 'rate-limited', params: { limit: 'saves', max: SAVES.max } });
      return null;
    }
    await saves.fail(me(res).id, clock.now());
    const checked = await checker.check(yaml);
    if (isRefused(checked)) {
      refuse(res, 400, checked.refused);
      return null;
    }
    return checked;
  };

  /** The scenario of a version (by default the playable one), checked again (the validator may
   *  have learnt something since it was saved), or null once answered. `null` for `version`:
   *  already answered. */
  const playableScenario = async (res: Response, entry: LibraryEntry, version: number | null | undefined): Promise<Scenario | null> => {
    if (version === null) return null;
    const chosen = version ?? entry.playableVersion;
    const text = chosen === null ? null : await library.version(entry.id, chosen);
    if (chosen === null) {
      refuse(res, 422, { code: 'scenario-invalid', params: { reason: 'noValidVersion' } });
      return null;
    }
    if (!text) {
      refuse(res, 404, { code: 'unknown-version', params: { version: String(chosen) } });
      return null;
    }
    const checked = await checker.check(text.yaml);
    return isRefused(checked) ? (refuse(res, 422, { code: 'scenario-invalid', params: { reason: 'unreadable' } }), null) : playable(res, checked);
  };

  router.get('/me', (_req, res) => {
    res.json({ instructor: me(res) });
  });

  router.get('/scenarios', async (_req, res) => {
    res.json({ scenarios: await library.list(me(res)) });
  });

  router.post('/scenarios', async (req, res) => {
    const body = parseBody(CreateLibraryScenarioRequest, req, res);
    if (!body) return;
    const checked = await checkToSave(res, body.yaml);
    if (!checked) return;
    const id = await library.create(me(res), body.visibility, { yaml: body.yaml, checked, note: body.note || null, restoredFrom: null }, clock.now());
    req.log.info({ library: id, instructor: me(res).id, valid: checked.scenario !== null }, 'library scenario created');
    res.status(201).json(await answer(id, me(res)));
  });

  router.get('/scenarios/:id', async (req, res) => {
    const entry = await visible(req, res);
    if (entry) res.json(await answer(entry.id, me(res)));
  });

  router.get('/scenarios/:id/versions/:version', async (req, res) => {
    const entry = await visible(req, res);
    const version = entry && (await versionParam(req, res, entry.id));
    if (entry && version) res.json(await answer(entry.id, me(res), version));
  });

  router.post('/scenarios/:id/versions', async (req, res) => {
    const entry = await owned(req, res);
    if (!entry) return;
    const body = parseBody(SaveVersionRequest, req, res);
    if (!body) return;
    const checked = await checkToSave(res, body.yaml);
    if (!checked) return;
    const saved = await library.addVersion(entry.id, me(res), { yaml: body.yaml, checked, note: body.note || null, restoredFrom: null }, clock.now(), body.basedOn);
    if ('conflict' in saved) {
      return refuse(res, 409, { code: 'version-conflict', params: { version: saved.conflict, basedOn: body.basedOn! } });
    }
    res.status(201).json(await answer(entry.id, me(res), saved.saved));
  });

  router.post('/scenarios/:id/versions/:version/restore', async (req, res) => {
    const entry = await owned(req, res);
    const version = entry && (await versionParam(req, res, entry.id));
    if (!entry || !version) return;
    const body = parseBody(RestoreVersionRequest, req, res);
    if (!body) return;
    const old = (await library.version(entry.id, version))!;
    // Checked again: the validator may have learnt something since that version was saved.
    const checked = await checkToSave(res, old.yaml);
    if (!checked) return;
    const saved = await library.addVersion(entry.id, me(res), { yaml: old.yaml, checked, note: body.note || `restored version ${version}`, restoredFrom: version }, clock.now());
    if ('saved' in saved) res.status(201).json(await answer(entry.id, me(res), saved.saved));
  });

  router.post('/scenarios/:id/visibility', async (req, res) => {
    const entry = await owned(req, res);
    if (!entry) return;
    const body = parseBody(SetVisibilityRequest, req, res);
    if (!body) return;
    await library.setVisibility(entry.id, body.visibility);
    res.json({ scenario: await library.entry(entry.id, me(res)) });
  });

  // The public parts of a playable version (the home page's scenario details), as
  // GET /api/scenarios/:id gives them for a shipped scenario (in ?lang= where it is translated).
  router.get('/scenarios/:id/public', async (req, res) => {
    const entry = await visible(req, res);
    if (!entry) return;
    const scenario = await playableScenario(res, entry, req.query.version === undefined ? undefined : await versionParam(req, res, entry.id));
    if (scenario) res.json(publicScenarioIn(scenario, requestedLanguage(req.query.lang, scenario)));
  });

  // A shipped scenario's file, for an instructor to start a draft from a copy: the whole text,
  // confidential parts included, so only behind the instructor key (never in the public bundle).
  router.get('/shipped/:id', (req, res) => {
    const text = services.catalog.source(String(req.params.id));
    if (text === undefined) return refuse(res, 404, { code: 'unknown-scenario', params: { scenario: String(req.params.id).slice(0, 64) } });
    res.type('text/yaml; charset=utf-8').send(text);
  });

  router.get('/scenarios/:id/download', async (req, res) => {
    const entry = await visible(req, res);
    if (!entry) return;
    const version = req.query.version === undefined ? entry.latest.version : await versionParam(req, res, entry.id);
    if (!version) return;
    const text = (await library.version(entry.id, version))!;
    res.attachment(`${text.scenarioId ?? entry.id}.yaml`);
    res.type('text/yaml; charset=utf-8').send(text.yaml);
  });

  router.post('/playtest', async (req, res) => {
    const body = parseBody(PlaytestRequest, req, res);
    if (!body) return;
    const instructor = me(res);
    if (await playtests.blocked(instructor.id, clock.now())) return refuse(res, 429, { code: 'rate-limited', params: { limit: 'playtests', max: PLAYTESTS.max } });
    await playtests.fail(instructor.id, clock.now());
    const checked = await checker.check(body.yaml);
    if (isRefused(checked)) return refuse(res, 400, checked.refused);
    const scenario = playable(res, checked);
    if (!scenario) return;
    const role = scenario.roles.find((r) => r.id === body.role);
    if (!role) return refuse(res, 400, { code: 'unknown-role', params: { role: body.role, roles: scenario.roles.map((r) => r.id) } });

    // The bots take their seats in the session's first logged action, stored with the session.
    const fillSeats: InitialAction = {
      principal: 'facilitator',
      actor: { kind: 'facilitator' },
      action: { type: 'fillSeatsWithBots', personality: body.personality, except: role.id },
      now: clock.now(),
    };
    let opened;
    try {
      opened = await openSession(services, { seed: body.seed, settings: { studentsChooseSeats: true, classFormat: body.classFormat } }, scenario, [fillSeats]);
    } catch (error) {
      if (error instanceof UnknownClassFormatError) return refuse(res, 400, unknownClassFormat(error));
      throw error;
    }
    req.log.info({ sessionId: opened.sessionId, instructor: instructor.id, role: role.id }, 'playtest opened');
    const playtest: PlaytestAnswer = {
      ...opened,
      scenarioId: scenario.id,
      title: scenario.title,
      role: role.id,
      seats: role.seats.map((s) => ({ id: s.id, title: s.title })),
      playPath: `/join/${opened.joinCode}`,
      consolePath: `/facilitator/${opened.sessionId}#key=${encodeURIComponent(opened.facilitatorKey)}&code=${opened.joinCode}`,
    };
    res.status(201).json(playtest);
  });

  router.use((_req, res) => refuse(res, 404, { code: 'not-found' }));
  router.use((error: Error & { type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (error.type === 'entity.too.large') return refuse(res, 413, { code: 'too-large', params: { maxKiB: STUDIO_LIMITS.bodyBytes / 1024 } });
    if (error.type === 'entity.parse.failed') return refuse(res, 400, { code: 'invalid-json' });
    next(error);
  });

  return {
    router,
    async listingsFor(req, res) {
      if (req.get('authorization') === undefined) return [];
      const instructor = await instructorOf(req, res);
      return instructor && library.listings(instructor);
    },
    async scenarioToOpen(req, res, ref) {
      const instructor = await instructorOf(req, res);
      if (!instructor) return null;
      const entry = await library.entry(ref.id, instructor);
      if (!entry) {
        refuse(res, 404, { code: 'unknown-library-scenario' });
        return null;
      }
      return playableScenario(res, entry, ref.version);
    },
  };
}

/** The scenario of a valid text, or null once answered with its problems. */
function playable(res: Response, checked: Checked): Scenario | null {
  if (checked.scenario) return checked.scenario;
  refuse(res, 422, { code: 'scenario-invalid', params: { reason: 'problems', problemCount: checked.problemCount } }, checked.problems);
  return null;
}

function parseBody<T extends ZodType>(schema: T, req: Request, res: Response): ReturnType<T['parse']> | null {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data as ReturnType<T['parse']>;
  refuse(res, 400, invalidRequest(parsed.error));
  return null;
}

/** The API's error shape (server/httpErrors.ts), with the validator's problems when a draft was
 *  refused for play. */
function refuse(res: Response, status: number, error: StudioError, problems?: Diagnostic[]): void {
  res.status(status).json({ error: { ...error, ...(problems ? { problems } : {}) } });
}

function bearerKey(req: Request): string | undefined {
  const key = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
  return key === '' ? undefined : key;
}
