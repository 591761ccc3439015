// The timeline as a news feed, newest first, each entry in the reader's language.
import { Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useContext } from 'react';
import type { PublicScenario, ViewTimelineEntry } from '@shared/engine/view';
import { t } from '../../i18n';
import { SessionContext } from '../../net/SessionContext';
import { SourceLanguageBadge } from '../../ui/SourceLanguageBadge';
import { own, timelineText } from '../../ui/wording';

const KIND_COLOR: Record<string, string> = {
  event: 'grape',
  news: 'space',
  statement: 'cyan',
  deal: 'teal',
  action: 'orange',
  constraint: 'red',
  collapse: 'red',
  phase: 'gray',
  game: 'gray',
};

/** One entry, worded in the reader's language (ui/wording.ts); a scenario text in it with no
 *  translation into that language is marked with its own language's code. */
export function TimelineItem({ entry, big = false, scenario: given }: { entry: ViewTimelineEntry; big?: boolean; scenario?: PublicScenario | null }) {
  // The session's scenario; the projector, outside a session screen, passes its own.
  const session = useContext(SessionContext);
  const scenario = given ?? session?.scenario ?? null;
  const { headline, text, from } = timelineText(entry, scenario);
  return (
    <div data-testid={`timeline-${entry.kind}`}>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Badge size={big ? 'md' : 'xs'} variant="light" color={KIND_COLOR[entry.kind] ?? 'gray'} style={{ flexShrink: 0 }}>
          {t.timelineKinds[entry.kind] ?? entry.kind}
        </Badge>
        <Text size={big ? 'lg' : 'sm'} fw={600} lh={1.3} data-text={own(from.headline)}>
          {headline}
          <SourceLanguageBadge language={scenario?.sourceLanguage} show={entry.untranslated === true} />
        </Text>
      </Group>
      {text && (
        <Text size={big ? 'md' : 'xs'} c="dark.4" mt={2} data-text={own(from.text)}>
          {text}
        </Text>
      )}
    </div>
  );
}

export function NewsFeed({ timeline, height = 320, kinds }: { timeline: ViewTimelineEntry[]; height?: number | string; kinds?: string[] }) {
  const entries = timeline.filter((e) => (kinds ? kinds.includes(e.kind) : e.kind !== 'phase')).slice().reverse();
  return (
    <Paper p="md" component="section" aria-labelledby="news-title">
      <Title order={2} size="h5" id="news-title" mb="xs">
        {t.table.news}
      </Title>
      <ScrollArea.Autosize mah={height} type="auto" offsetScrollbars>
        <Stack gap="sm" aria-live="polite" aria-relevant="additions">
          {entries.length === 0 && (
            <Text size="sm" c="dimmed">
              {t.table.noNews}
            </Text>
          )}
          {entries.map((entry, index) => (
            <TimelineItem key={`${entry.seq}-${index}`} entry={entry} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
