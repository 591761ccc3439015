// Who a phase waits for before Ready ends it. Its own module, free of zod, so the facilitator's
// console reads the very rule the reducer applies.

/**
 * The seats a phase still waits for before Ready ends it: the human seats not ready yet. Bots
 * count as ready where a student sits (they advise, the students decide); in a game with no human
 * seated, the bots' own Ready counts. Empty seats never do.
 */
export function awaitingReady<S extends { occupant: { kind: 'human' | 'bot' } | null; ready: boolean }>(seats: readonly S[]): S[] {
  const humans = seats.filter((seat) => seat.occupant?.kind === 'human');
  const counted = humans.length > 0 ? humans : seats.filter((seat) => seat.occupant);
  return counted.filter((seat) => !seat.ready);
}
