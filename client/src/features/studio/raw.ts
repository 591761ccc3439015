// Reading the scenario as written (the structured views' input): anything may be missing or of
// the wrong type while the author types, so every read is defensive.
import type { RawScenario } from './check';

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObj) : [];
}

export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

/** The roles as written, with their index in the file (the path of their edits). */
export function rawRoles(raw: RawScenario): { index: number; role: Obj; id: string; name: string }[] {
  return (Array.isArray(raw.roles) ? raw.roles : [])
    .map((role, index) => ({ index, role: role as Obj }))
    .filter(({ role }) => isObj(role))
    .map(({ index, role }) => ({ index, role, id: str(role.id, `#${index + 1}`), name: str(role.name, str(role.id, `#${index + 1}`)) }));
}
