// What the server sends a client (Colyseus messages), as zod schemas. The web client checks
// every message with them before it touches its state (client/src/net/connection.ts); the server
// types its sends with `ServerMessagePayloads`. Written with zod/mini, not zod: these schemas are
// in the web client's first screen, where they cost about 10 KB gzipped (zod would cost ~90).
import * as z from 'zod/mini';
import type { GameView, PublicScenario } from '../engine/view';
import { ERROR_CODES } from './errors';

const Seq = z.int().check(z.minimum(0));
const SeatRef = z.object({ role: z.string(), seat: z.string() });

/** A problem the server reports: a code from `ErrorCode` (the client's texts are keyed by it) and
 *  its details, never a sentence: numbers, enum words and ids of the scenario's things, which each
 *  client words in its reader's language (docs/protocol.md, "Errors"). */
const ErrorParams = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
const ProtocolError = z.strictObject({ code: z.enum(ERROR_CODES), params: z.optional(ErrorParams) });
export type ProtocolError = z.infer<typeof ProtocolError>;

const Accepted = z.object({ ok: z.literal(true), seq: Seq });
const Rejected = z.object({ ok: z.literal(false), error: ProtocolError });
/** The answer to an action: accepted as number `seq` of the session's log, or rejected. */
export type ActionResult = z.infer<typeof Accepted> | z.infer<typeof Rejected>;

const ResultMessage = z.discriminatedUnion('ok', [z.extend(Accepted, { id: z.string() }), z.extend(Rejected, { id: z.string() })]);
/** An `ActionResult` with the id the client gave the action: what `result` carries and what the
 *  store keeps for resends. */
export type ResultMessage = z.infer<typeof ResultMessage>;

// --- Views --------------------------------------------------------------------------------------
// A view is the engine's own `GameView` type, the same source on both sides. The schema checks its
// frame, the fields every screen reads first (and, for lists, what identifies an item), not every
// nested field: that would be a second definition of GameView to keep in step. A frame may name
// only fields of the type it checks, so renaming a field in the engine fails to compile here.

type FrameOf<T> = { [K in keyof T]?: z.ZodMiniType };

const Viewer = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('seat'), role: z.string(), seat: z.string() }),
  z.looseObject({ kind: z.literal('spectator') }),
  z.looseObject({ kind: z.literal('facilitator') }),
]);
const Counts = z.record(z.string(), z.number());
const Identified = z.looseObject({ id: z.string() });

const GameViewFrame = z.looseObject({
  viewer: Viewer,
  scenarioId: z.string(),
  seq: Seq,
  status: z.enum(['lobby', 'running', 'paused', 'ended']),
  round: z.int(),
  phaseIndex: z.int(),
  phase: z.nullable(z.looseObject({ id: z.string(), label: z.string(), allows: z.array(z.string()) })),
  clock: z.looseObject({ deadline: z.nullable(z.number()), remainingMs: z.nullable(z.number()) }),
  tracks: Counts,
  resources: z.record(z.string(), Counts),
  constraints: z.array(Identified),
  unlockedDealTypes: z.array(z.string()),
  roles: z.array(z.looseObject({ id: z.string(), name: z.string() })),
  seats: z.array(z.looseObject({ role: z.string(), seat: z.string(), title: z.string(), powers: z.array(z.string()), ready: z.boolean() })),
  trust: z.record(z.string(), Counts),
  channels: z.array(z.looseObject({ id: z.string(), kind: z.string(), open: z.boolean(), members: z.array(z.string()) })),
  deals: z.array(z.looseObject({ id: z.string(), dealType: z.string(), status: z.string(), parties: z.array(z.string()) })),
  timeline: z.array(z.looseObject({ seq: Seq, kind: z.string(), code: z.string(), params: z.record(z.string(), z.unknown()) })),
  revealed: z.boolean(),
  me: z.optional(z.looseObject({ role: Identified, seat: z.string() })),
  facilitator: z.optional(z.looseObject({ scores: z.array(z.unknown()) })),
  debrief: z.optional(z.looseObject({ scores: z.array(z.unknown()) })),
} satisfies FrameOf<GameView>);

const PublicScenarioFrame = z.looseObject({
  id: z.string(),
  title: z.string(),
  roles: z.array(z.looseObject({ id: z.string(), name: z.string(), seats: z.array(z.looseObject({ id: z.string(), title: z.string() })) })),
  dealTypes: z.array(Identified),
  statements: z.array(Identified),
  actions: z.array(Identified),
} satisfies FrameOf<PublicScenario>);

/** The server's clock when it sent a message (ms since the epoch): the client counts down to a
 *  deadline on the server's clock, corrected for its own clock's offset (client/src/net/serverClock.ts).
 *  Optional: without it the client keeps the offset it has. */
const ServerTime = z.optional(z.number());

const ViewMessage = z
  .object({ seq: Seq, view: GameViewFrame, scenario: z.optional(PublicScenarioFrame), serverTime: ServerTime })
  .check(z.refine((m) => m.view.seq === m.seq, { message: 'the view is not at the message seq', path: ['view', 'seq'] }));

// JSON Patch (RFC 6902). A path is a JSON Pointer: empty, or starting with "/".
const Pointer = z.string().check(z.regex(/^(\/.*)?$/));
const PatchOp = z.discriminatedUnion('op', [
  z.object({ op: z.enum(['add', 'replace', 'test']), path: Pointer, value: z.unknown() }),
  z.object({ op: z.literal('remove'), path: Pointer }),
  z.object({ op: z.enum(['move', 'copy']), path: Pointer, from: Pointer }),
]);

// --- Identity and presence ----------------------------------------------------------------------

const Identity = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('player'),
    playerId: z.string(),
    name: z.string(),
    seat: z.nullable(SeatRef),
    /** Sent once, on the join that created it; null on a rejoin (the client already holds it). */
    seatToken: z.nullable(z.string()),
  }),
  z.object({ role: z.enum(['facilitator', 'spectator']), playerId: z.null(), seat: z.null(), seatToken: z.null() }),
]);
export type Identity = z.infer<typeof Identity>;

/** Why a connection stopped acting for its player (the `displaced` message). */
const DISPLACED_REASONS = ['elsewhere', 'revoked'] as const;
export type DisplacedReason = (typeof DISPLACED_REASONS)[number];

const PresencePlayer = z.object({ id: z.string(), name: z.string(), seat: z.nullable(SeatRef), online: z.boolean() });
export type PresencePlayer = z.infer<typeof PresencePlayer>;

// --- The messages -------------------------------------------------------------------------------

/** Server -> client message types and the schema of each payload (docs/protocol.md). */
export const ServerMessages = {
  /** The full view for this client: on join, on reconnect, when the viewer changes. */
  view: ViewMessage,
  /** JSON Patch ops turning the client's last view into the view at `seq`. */
  patch: z.object({ seq: Seq, ops: z.array(PatchOp), serverTime: ServerTime }),
  /** The answer to an action. */
  result: ResultMessage,
  /** A problem with a message that carried no action id. */
  error: ProtocolError,
  /** Who this client is in the session. */
  identity: Identity,
  /** Who is in the session and connected. */
  presence: z.object({ players: z.array(PresencePlayer) }),
  /** This connection no longer acts for its player, and the server closes it next: the seat
   *  token joined from another device or tab (`elsewhere`), or the facilitator revoked it. */
  displaced: z.object({ reason: z.enum(DISPLACED_REASONS) }),
} as const;

export type ServerMessageType = keyof typeof ServerMessages;

/** The payload of each server message type: what the server may send and a handler receives. A
 *  view's body is the engine's `GameView` (and `PublicScenario`): the schema checks its frame. */
export type ServerMessagePayloads = {
  [K in ServerMessageType]: K extends 'view' ? { seq: number; view: GameView; scenario?: PublicScenario; serverTime?: number } : z.infer<(typeof ServerMessages)[K]>;
};

/** The message type names, for `client.send(SERVER_MESSAGES.view, …)`. */
export const SERVER_MESSAGES = {
  view: 'view',
  patch: 'patch',
  result: 'result',
  error: 'error',
  identity: 'identity',
  presence: 'presence',
  displaced: 'displaced',
} as const satisfies { [K in ServerMessageType]: K };
