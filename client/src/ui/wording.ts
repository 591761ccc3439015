// The timeline and the channels' names in the reader's language: the engine's codes and ids
// (shared/engine/wording.ts) worded with this language's catalogue (`timeline`, `channels`) and
// the session's public scenario, which the server sends already in the reader's language.
import type { Channel, TimelineEntry } from '@shared/engine/types';
import { channelName as nameChannel, channelNameSource, wordTimeline, type TextSource, type Worded, type Wording, type WordingScenario } from '@shared/engine/wording';
import { list, t } from '../i18n';

/** Before the scenario has arrived: ids stand for the labels. */
const NO_SCENARIO: WordingScenario = {
  title: '',
  summary: '',
  roles: [],
  constraints: [],
  dealTypes: [],
  statements: [],
  actions: [],
  rounds: { phases: [] },
  channels: { networks: [] },
};

/** Read when called, not at import: `t` is the current language's catalogue. */
const wording = (): Wording => ({ timeline: t.timeline, channels: t.channels, list });

export function timelineText(entry: TimelineEntry, scenario: WordingScenario | null): Worded {
  return wordTimeline(entry, scenario ?? NO_SCENARIO, wording());
}

/** The `data-text` mark of a text that is not the catalogue's (the pseudo-language pass,
 *  docs/translating.md): the scenario's or a person's words. */
export function own(source: TextSource): 'scenario' | 'player' | undefined {
  return source === 'catalogue' ? undefined : source;
}

/** The `data-text` mark of a channel's name: a network's is the scenario's, a group's its opener's. */
export function channelNameMark(channel: { kind: string }): 'scenario' | 'player' | undefined {
  return own(channelNameSource(channel));
}

export function channelName(channel: Pick<Channel, 'id' | 'kind' | 'members' | 'label'>, scenario: WordingScenario | null): string {
  return nameChannel(channel, scenario ?? NO_SCENARIO, wording());
}
