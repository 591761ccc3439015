// "How to play" for students: the whole game on one screen, in plain words (rounds and phases,
// track I and II, a deal's life, the confidential brief and walk-away, Ready, the debrief).
// Opened from the bar above the briefing and the table.
import { useState, type ReactNode } from 'react';
import { Button, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { t } from '../../i18n';
import classes from './Help.module.css';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4} component="section">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function HowToPlay() {
  const h = t.help;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md" data-testid="how-to-play">
      <Stack gap="md">
        <Section title={h.roundsTitle}>
          <Text size="sm">{h.rounds}</Text>
        </Section>
        <Section title={h.tracksTitle}>
          <Text size="sm">{h.tracks}</Text>
        </Section>
        <Section title={h.briefTitle}>
          <Text size="sm">{h.brief}</Text>
        </Section>
      </Stack>
      <Stack gap="md">
        <Section title={h.dealsTitle}>
          <ol className={classes.steps}>
            {h.dealSteps.map(([step, text]) => (
              <li key={step}>
                <Text size="sm">
                  <Text span fw={700}>
                    {step}.
                  </Text>{' '}
                  {text}
                </Text>
              </li>
            ))}
          </ol>
        </Section>
        <Section title={h.readyTitle}>
          <Text size="sm">{h.ready}</Text>
        </Section>
        <Section title={h.debriefTitle}>
          <Text size="sm">{h.debrief}</Text>
        </Section>
      </Stack>
    </SimpleGrid>
  );
}

/** The button that opens "How to play" over the current screen. */
export function HowToPlayButton() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="subtle" size="sm" onClick={() => setOpened(true)} data-testid="how-to-play-button">
        {t.help.open}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t.help.title} size="xl" closeButtonProps={{ 'aria-label': t.app.close }}>
        <HowToPlay />
      </Modal>
    </>
  );
}
