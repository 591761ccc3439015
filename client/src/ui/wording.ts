// The timeline and the channels' names in the reader's language: the engine's codes and ids
// (shared/engine/wording.ts) worded with this language's catalogue (`timeline`, `channels`) and
// the session's public scenario, which the server sends already in the reader's language.
import type { Channel, TimelineEntry } from '@shared/engine/types';
import { channelName as nameChannel, wordTimeline, type Worded, type Wording, type WordingScenario } from '@shared/engine/wording';
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

export function channelName(channel: Pick<Channel, 'id' | 'kind' | 'members' | 'label'>, scenario: WordingScenario | null): string {
  return nameChannel(channel, scenario ?? NO_SCENARIO, wording());
}
