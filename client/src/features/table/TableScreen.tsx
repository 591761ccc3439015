// The negotiation table, the student's main screen. Three columns on a laptop or wider; tabs on
// a tablet.
import { Badge, Grid, Group, Paper, ScrollArea, Stack, Tabs, Text } from '@mantine/core';

/** The three columns fill the window below the header and the phase banner. */
const PANEL_HEIGHT = 'calc(100vh - 196px)';
import { useMediaQuery } from '@mantine/hooks';
import { t } from '../../i18n';
import { useSession } from '../../net/SessionContext';
import { Explain } from '../help/Explain';
import { Channels } from './Channels';
import { DealBoard } from './DealBoard';
import { MovesPanel } from './Moves';
import { NewsFeed } from './NewsFeed';
import { WorldPanel } from './WorldPanel';

export function PhaseBanner() {
  const { view } = useSession();
  // After "Game over" the last phase allows nothing any more.
  if (!view.phase || view.status === 'ended') return null;
  return (
    <Paper p="xs" px="md" bg="space.0" withBorder={false} className="no-print">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" data-text="scenario">
          <Text span fw={700}>
            {view.phase.label}
          </Text>
          {view.phase.description ? ` · ${view.phase.description}` : ''}
        </Text>
        <Group gap={4} aria-label={t.table.phaseAllows}>
          <Text size="xs" c="dimmed">
            {t.format.lead({ label: t.table.phaseAllows })}
          </Text>
          {view.phase.allows.map((a) => (
            <Explain key={a} text={t.help.allows[a]} testId={`allows-${a}`}>
              <Badge component="span" size="xs" variant="white" color="space">
                {t.allows[a] ?? a}
              </Badge>
            </Explain>
          ))}
        </Group>
      </Group>
    </Paper>
  );
}

export function TableScreen({ sessionKey }: { sessionKey: string }) {
  const { view, scenario } = useSession();
  const wide = useMediaQuery('(min-width: 75em)', true);
  const chatKey = `spacebridge.seen.${sessionKey}`;
  if (wide)
    return (
      <Stack gap="sm">
        <PhaseBanner />
        <Grid gap="sm">
          <Grid.Col span={5}>
            <Channels height={PANEL_HEIGHT} storageKey={chatKey} />
          </Grid.Col>
          <Grid.Col span={4}>
            <DealBoard height={PANEL_HEIGHT} />
          </Grid.Col>
          <Grid.Col span={3}>
            <ScrollArea h={PANEL_HEIGHT} type="auto" offsetScrollbars>
              <Stack gap="sm">
                <NewsFeed timeline={view.timeline} height={240} />
                <MovesPanel />
                <WorldPanel view={view} scenario={scenario} />
              </Stack>
            </ScrollArea>
          </Grid.Col>
        </Grid>
      </Stack>
    );
  return (
    <Stack gap="sm">
      <PhaseBanner />
      <Tabs defaultValue="talk" keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="talk">{t.table.channels}</Tabs.Tab>
          <Tabs.Tab value="deals">{t.deals.board}</Tabs.Tab>
          <Tabs.Tab value="world">{t.table.tracks}</Tabs.Tab>
          <Tabs.Tab value="moves">{t.table.moves}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="talk" pt="sm">
          <Channels height="calc(100vh - 260px)" storageKey={chatKey} />
        </Tabs.Panel>
        <Tabs.Panel value="deals" pt="sm">
          <DealBoard />
        </Tabs.Panel>
        <Tabs.Panel value="world" pt="sm">
          <Stack gap="sm">
            <WorldPanel view={view} scenario={scenario} />
            <NewsFeed timeline={view.timeline} height={400} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="moves" pt="sm">
          <MovesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
