// `spacebridge translation-template <scenario> <language> [--stdout]`: writes the translation file
// `<name>.<language>.yaml` beside the scenario: every text's key with the source text as a comment,
// to fill in. Run again after the scenario changed: translations already written are kept, new
// texts are added, and keys of texts that are gone are dropped (and listed).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { ScenarioLanguage, SCENARIO_LANGUAGES, type TranslatedTexts } from '@shared/scenario/schema';
import { translatableTexts, translationTemplate } from '@shared/scenario/translations';
import { PROJECT_ROOT } from '../config';
import { loadScenarioFile } from '../scenarioFiles';
import { scenarioFromArgs } from './scenarioArg';
import { UsageError } from './usageError';

export function run(args: string[]): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { stdout: { type: 'boolean', default: false } } });
  if (positionals.length !== 2) throw new UsageError('give a scenario (its file, or its id in scenarios/) and a language');
  const [target, language] = positionals;
  const lang = ScenarioLanguage.safeParse(language);
  if (!lang.success) throw new UsageError(`"${language}" is not a language a scenario can be translated into: ${SCENARIO_LANGUAGES.join(', ')}`);
  const scenarioFile = fs.existsSync(target) ? target : path.join(PROJECT_ROOT, 'scenarios', `${target}.yaml`);
  const scenario = scenarioFromArgs([scenarioFile]);
  if (!scenario) return 1;
  if (lang.data === scenario.sourceLanguage) throw new UsageError(`"${language}" is the scenario's source language: it needs no translation`);

  const file = `${scenarioFile.replace(/\.ya?ml$/, '')}.${lang.data}.yaml`;
  const existing = fs.existsSync(file) ? textsIn(fs.readFileSync(file, 'utf8')) : {};
  // A valid translation file is already merged into the scenario; an inline one would clash.
  const inline = loadScenarioFile(scenarioFile).ok && !fs.existsSync(file) ? scenario.translations?.[lang.data] : undefined;
  if (inline) {
    console.error(`spacebridge translation-template: ${scenarioFile} already holds its "${lang.data}" translation (translations.${lang.data}); edit it there`);
    return 1;
  }
  const text = translationTemplate(scenario, lang.data, existing);
  if (values.stdout) {
    process.stdout.write(text);
    return 0;
  }
  fs.writeFileSync(file, text);
  const keys = translatableTexts(scenario).map((t) => t.key);
  const done = keys.filter((key) => existing[key]).length;
  const dropped = Object.keys(existing).filter((key) => !keys.includes(key));
  console.log(`wrote ${file}: ${keys.length} texts, ${done} translated, ${keys.length - done} to translate`);
  if (dropped.length > 0) console.log(`dropped (no longer texts of the scenario): ${dropped.join(', ')}`);
  console.log(`next: translate, then check it with  npx spacebridge validate ${file}`);
  return 0;
}

/** The texts of an existing translation file, read leniently: a file with problems keeps its good keys. */
function textsIn(yamlText: string): TranslatedTexts {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch {
    throw new UsageError('the existing translation file is not valid YAML: fix it (npx spacebridge validate) or move it away first');
  }
  const texts = (data as { texts?: unknown } | null)?.texts;
  if (typeof texts !== 'object' || texts === null) return {};
  return Object.fromEntries(Object.entries(texts).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
