// Injects: an event not fired yet (a deck card first), or a news item the facilitator writes; and whispers.
import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { LIMITS } from '@shared/protocol/limits';
import { t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';

export function InjectPanel() {
  const { view } = useSession();
  const injectable = view.facilitator?.injectable ?? [];
  // Deck cards first, then scheduled and conditional events that have not fired yet.
  const groups = [
    { group: t.facilitator.deckGroup, items: injectable.filter((e) => e.inDeck) },
    { group: t.facilitator.otherEventsGroup, items: injectable.filter((e) => !e.inDeck) },
  ]
    .filter((g) => g.items.length > 0)
    .map((g) => ({ group: g.group, items: g.items.map((e) => ({ value: e.id, label: e.title })) }));
  const [event, setEvent] = useState<string | null>(null);
  const [headline, setHeadline] = useState('');
  const [text, setText] = useState('');
  const inject = useAction();
  const news = useAction();
  return (
    <Paper p="md" component="section" aria-labelledby="inject-title">
      <Stack gap="sm">
        <Title order={2} size="h5" id="inject-title">
          {t.facilitator.inject}
        </Title>
        {injectable.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.facilitator.deckEmpty}
          </Text>
        ) : (
          <Group align="flex-end" wrap="nowrap" gap="xs">
            <Select
              label={t.facilitator.deckEvent}
              data={groups}
              searchable
              value={event}
              onChange={setEvent}
              style={{ flex: 1 }}
              data-testid="deck-select"
            />
            <Button
              onClick={() => {
                if (event) inject.submit({ type: 'injectEvent', event });
                setEvent(null);
              }}
              disabled={!event}
              data-testid="inject-event"
            >
              {t.facilitator.injectEvent}
            </Button>
          </Group>
        )}
        <ActionErrorText error={inject.error} onClose={inject.reset} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            news.submit({ type: 'injectNews', headline: headline.trim(), text: text.trim() });
            setHeadline('');
            setText('');
          }}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t.facilitator.news}
            </Text>
            <TextInput label={t.facilitator.headline} value={headline} onChange={(e) => setHeadline(e.currentTarget.value)} maxLength={120} />
            <Textarea label={t.facilitator.newsText} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={LIMITS.newsChars} autosize minRows={2} />
            <ActionErrorText error={news.error} onClose={news.reset} />
            <Group justify="flex-end">
              <Button type="submit" variant="light" disabled={!headline.trim()}>
                {t.facilitator.publishNews}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

export function WhisperPanel() {
  const { view } = useSession();
  const [role, setRole] = useState<string | null>(null);
  const [text, setText] = useState('');
  const action = useAction();
  const sent = (view.facilitator?.whispers ?? []).slice(-3).reverse();
  return (
    <Paper p="md" component="section" aria-labelledby="whisper-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!role) return;
          action.submit({ type: 'whisper', role, text: text.trim() });
          setText('');
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h5" id="whisper-title">
            {t.facilitator.whisper}
          </Title>
          <Select label={t.facilitator.whisperTo} data={view.roles.map((r) => ({ value: r.id, label: r.name }))} value={role} onChange={setRole} />
          <Textarea label={t.facilitator.whisperText} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={LIMITS.chatChars} autosize minRows={2} />
          <ActionErrorText error={action.error} onClose={action.reset} />
          <Group justify="flex-end">
            <Button type="submit" variant="light" disabled={!role || !text.trim()}>
              {t.facilitator.sendWhisper}
            </Button>
          </Group>
          {sent.map((w) => (
            <Text key={w.seq} size="xs" c="dimmed">
              → <span data-text="scenario">{view.roles.find((r) => r.id === w.role)?.name}</span>: <span data-text="player">{w.text}</span>
            </Text>
          ))}
        </Stack>
      </form>
    </Paper>
  );
}
