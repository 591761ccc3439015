// The scenario format as JSON Schema, for editor autocomplete and validation while typing. Committed
// as scenarios/spacebridge.schema.json (`npm run schema`; a test fails when it is stale) and named
// on the first line of every scenario: `# yaml-language-server: $schema=spacebridge.schema.json`.
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
