// The scenario's JSON Schema, as committed (scenarios/spacebridge.schema.json, generated from the
// zod schema by `npm run schema`; a test keeps it fresh). The editor's completion and hover read
// it, and the roles view its list of seat powers: importing the zod schema itself would bring
// full zod into the page's chunks.
import schema from '../../../../scenarios/spacebridge.schema.json';

export const scenarioSchema: Record<string, unknown> = schema;

export const SEAT_POWERS: string[] = schema.properties.roles.items.properties.seats.items.properties.powers.items.enum;
