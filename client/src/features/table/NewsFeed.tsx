// The timeline as a news feed, newest first.
import { Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import type { TimelineEntry } from '@shared/engine/types';
import { t } from '../../i18n';

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

export function TimelineItem({ entry, big = false }: { entry: TimelineEntry; big?: boolean }) {
  return (
    <div data-testid={`timeline-${entry.kind}`}>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Badge size={big ? 'md' : 'xs'} variant="light" color={KIND_COLOR[entry.kind] ?? 'gray'} style={{ flexShrink: 0 }}>
          {t.timelineKinds[entry.kind] ?? entry.kind}
        </Badge>
        <Text size={big ? 'lg' : 'sm'} fw={600} lh={1.3}>
          {entry.headline}
        </Text>
      </Group>
      {entry.text && (
        <Text size={big ? 'md' : 'xs'} c="dark.4" mt={2}>
          {entry.text}
        </Text>
      )}
    </div>
  );
}

export function NewsFeed({ timeline, height = 320, kinds }: { timeline: TimelineEntry[]; height?: number | string; kinds?: string[] }) {
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
