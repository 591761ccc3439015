// The scenario format as JSON Schema, for editor autocomplete and validation while typing
// (e.g. `# yaml-language-server: $schema=scenario.schema.json` at the top of a scenario).
import { z } from 'zod';
import { Scenario, SCHEMA_VERSION } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(Scenario, { io: 'input' });
  return {
    $schema,
    $id: `urn:spacebridge:scenario:v${SCHEMA_VERSION}`,
    title: 'Spacebridge scenario',
    description: 'A scenario of Spacebridge, the space diplomacy negotiation game (scenarios/*.yaml).',
    ...rest,
  };
}
