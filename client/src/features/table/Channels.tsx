// Channels and chat: public, team, bilateral, groups, track II networks and facilitator whispers,
// with unread counts; closed channels say why. A message being sent shows as "sending…" from
// the outbox until the server answers, so nothing typed disappears during a reconnect.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { ChannelView, GameView, PublicScenario } from '@shared/engine/view';
import type { Message, Whisper } from '@shared/engine/types';
import { LIMITS } from '@shared/protocol/limits';
import { errorText, formatNumber, list, t } from '../../i18n';
import { useAction, useSession } from '../../net/SessionContext';
import { ActionErrorText } from '../../ui/ActionError';
import { adviceText } from './advice';
import { BotIcon, LockIcon } from '../../ui/icons';
import { roleName } from '../../ui/names';
import { channelName, channelNameMark } from '../../ui/wording';
import classes from './Channels.module.css';
import { concerns, refusalOf, useMoves } from './permissions';

const WHISPERS = 'whispers';

type ChannelEntry = { id: string; label: string; track: 1 | 2; open: boolean; closedBy: string | null; kind: string; readable: boolean; count: number; lastSeq: number };

function useLastSeen(storageKey: string) {
  const [lastSeen, setLastSeen] = useState<Record<string, number>>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) ?? '{}');
    } catch {
      return {};
    }
  });
  const markSeen = (channel: string, seq: number) =>
    setLastSeen((prev) => {
      if ((prev[channel] ?? 0) >= seq) return prev;
      const next = { ...prev, [channel]: seq };
      sessionStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  return [lastSeen, markSeen] as const;
}

function channelEntries(view: GameView, scenario: PublicScenario | null, whispers: Whisper[] | undefined, whispersLabel: string): ChannelEntry[] {
  const order: Record<string, number> = { public: 0, team: 1, network: 2, bilateral: 3, group: 4 };
  const entries: ChannelEntry[] = view.channels
    .map((c) => ({ channel: c, label: channelName(c, scenario) }))
    .sort((a, b) => (order[a.channel.kind] ?? 9) - (order[b.channel.kind] ?? 9) || a.label.localeCompare(b.label))
    .map(({ channel: c, label }) => ({
      id: c.id,
      label,
      track: c.track,
      open: c.open,
      closedBy: c.closedBy,
      kind: c.kind,
      readable: c.messages !== undefined,
      count: c.messages?.length ?? 0,
      lastSeq: c.messages?.at(-1)?.seq ?? 0,
    }));
  if (whispers)
    entries.push({ id: WHISPERS, label: whispersLabel, track: 1, open: true, closedBy: null, kind: 'whisper', readable: true, count: whispers.length, lastSeq: whispers.at(-1)?.seq ?? 0 });
  return entries;
}

export function Channels({ height = 520, storageKey, readOnly = false }: { height?: number | string; storageKey: string; readOnly?: boolean }) {
  const { view, scenario } = useSession();
  const whispers = view.me?.whispers;
  const whispersLabel = t.table.whispers;
  const entries = useMemo(() => channelEntries(view, scenario, whispers, whispersLabel), [view, scenario, whispers, whispersLabel]);
  const [selected, setSelected] = useState('public');
  const [lastSeen, markSeen] = useLastSeen(storageKey);
  const [groupOpen, setGroupOpen] = useState(false);
  const moves = useMoves();
  const current = entries.find((e) => e.id === selected) ?? entries[0];
  const channel = view.channels.find((c) => c.id === current?.id);
  const me = view.me?.role.id ?? null;

  useEffect(() => {
    if (current) markSeen(current.id, current.lastSeq);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current?.id, current?.lastSeq]);

  const unread = (entry: ChannelEntry): number => {
    if (entry.id === WHISPERS) return (whispers ?? []).filter((w) => w.seq > (lastSeen[entry.id] ?? 0)).length;
    const c = view.channels.find((x) => x.id === entry.id);
    return (c?.messages ?? []).filter((m) => m.seq > (lastSeen[entry.id] ?? 0) && m.role !== me).length;
  };

  return (
    <Paper p={0} component="section" aria-labelledby="channels-title" className={classes.panel} style={{ height }}>
      <div className={classes.list}>
        <Group justify="space-between" px="sm" pt="sm" pb={6}>
          <Title order={2} size="h5" id="channels-title">
            {t.table.channels}
          </Title>
        </Group>
        <ScrollArea type="auto" style={{ flex: 1 }}>
          <Stack gap={2} px={6} pb={6} role="tablist" aria-orientation="vertical" aria-label={t.table.channels}>
            {entries.map((entry) => {
              const count = unread(entry);
              const active = entry.id === current?.id;
              return (
                <UnstyledButton
                  key={entry.id}
                  role="tab"
                  aria-selected={active}
                  aria-controls="channel-panel"
                  onClick={() => setSelected(entry.id)}
                  className={classes.item}
                  data-active={active || undefined}
                  data-testid={`channel-${entry.id}`}
                >
                  <Group gap={6} wrap="nowrap" justify="space-between">
                    <div style={{ minWidth: 0 }}>
                      {/* The whole name, wrapped: "U.S. government – Soviet Academy…" and "– Soviet government" must not read alike. */}
                      <Text size="sm" fw={active || count ? 600 : 400} c={entry.open ? undefined : 'dimmed'} className={classes.name} data-label="channel-name">
                        {entry.open ? null : <LockIcon size={12} />} 
                        <span data-text={channelNameMark(entry)}>{entry.label}</span>
                      </Text>
                      {(entry.track === 2 || !entry.open) && entry.kind !== 'whisper' && (
                        <Text size="xs" c={entry.open ? 'grape.8' : 'dimmed'}>
                          {[entry.track === 2 ? t.table.trackTwo : null, entry.open ? null : t.table.closed].filter(Boolean).join(' · ')}
                        </Text>
                      )}
                    </div>
                    {count > 0 && (
                      <Badge size="sm" variant="filled" color="space" style={{ flexShrink: 0 }} data-testid="unread-count">
                        {formatNumber(count)}
                        <VisuallyHidden> {t.table.unreadSuffix}</VisuallyHidden>
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              );
            })}
          </Stack>
        </ScrollArea>
        {!readOnly && moves && concerns(moves.openGroup) && (
          <Box p={6}>
            <Button variant="subtle" size="xs" fullWidth onClick={() => setGroupOpen(true)} disabled={!moves.openGroup.available} title={moves.openGroup.available ? undefined : errorText(refusalOf(moves.openGroup)!)}>
              + {t.table.newGroup}
            </Button>
          </Box>
        )}
      </div>
      <div className={classes.chat} id="channel-panel" role="tabpanel" aria-label={current?.label}>
        {current?.id === WHISPERS ? (
          <WhisperList whispers={whispers ?? []} />
        ) : channel ? (
          <ChannelChat channel={channel} readOnly={readOnly || !me} />
        ) : null}
      </div>
      {groupOpen && <NewGroupModal onClose={() => setGroupOpen(false)} onCreated={() => setGroupOpen(false)} />}
    </Paper>
  );
}

function MessageLine({ message, mine, view, scenario }: { message: Pick<Message, 'name' | 'role' | 'seat' | 'text' | 'bot' | 'advice'>; mine: boolean; view: GameView; scenario: PublicScenario | null }) {
  return (
    <div className={classes.message} data-mine={mine || undefined} data-bot={message.bot || undefined}>
      <Text size="xs" c="dimmed">
        {/* The engine's flag, not the name: a student cannot pass for a bot or a bot for a student. */}
        {message.bot && (
          <Badge size="xs" variant="outline" color="gray" mr={6} leftSection={<BotIcon size={11} />} data-testid="bot-marker">
            {t.table.botMarker}
          </Badge>
        )}
        <Text span fw={600} c="dark.6" size="xs" data-text="player">
          {/* A bot's stored name is the engine's English "Bot (title)": the badge says bot, and its seat's title is in the reader's language. */}
          {(message.bot && view.seats.find((s) => s.role === message.role && s.seat === message.seat)?.title) || message.name}
        </Text>
        {message.role && (
          <>
            {' · '}
            <span data-text="scenario">{roleName(view, message.role)}</span>
          </>
        )}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-text={message.bot && message.advice ? undefined : 'player'}>
        {/* A bot adviser's codes, worded in this reader's language; its English text otherwise. */}
        {message.bot && message.advice ? adviceText(message.advice, { roles: view.roles, scenario }) : message.text}
      </Text>
    </div>
  );
}

function useStickToBottom(dep: unknown) {
  const viewport = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = viewport.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [dep]);
  return viewport;
}

function ChannelChat({ channel, readOnly }: { channel: ChannelView; readOnly: boolean }) {
  const { view, snapshot, scenario } = useSession();
  const me = view.me;
  const label = channelName(channel, useSession().scenario);
  const sending = snapshot.pending.filter((e) => e.action.type === 'chat' && e.action.channel === channel.id);
  const messages = channel.messages ?? [];
  const viewport = useStickToBottom(messages.length + sending.length);
  return (
    <>
      <Group px="md" py="sm" justify="space-between" className={classes.chatHeader}>
        <div style={{ minWidth: 0 }}>
          <Text fw={600} data-text={channelNameMark(channel)}>
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {channel.track === 2 ? t.table.trackTwo : t.table.trackOne} · <span data-text="scenario">{list(channel.members.map((m) => roleName(view, m)))}</span>
          </Text>
        </div>
      </Group>
      {!channel.open && (
        <Alert color="gray" variant="light" radius={0} py={6} data-testid="channel-closed">
          <LockIcon /> {t.table.closedBecause({ reason: channel.closedBy ?? '' })}
        </Alert>
      )}
      <ScrollArea viewportRef={viewport} style={{ flex: 1 }} type="auto" px="md">
        <Stack gap={8} py="sm" role="log" aria-live="polite" aria-label={label}>
          {channel.messages === undefined && <Text c="dimmed" size="sm">{t.facilitator.privateHidden}</Text>}
          {channel.messages !== undefined && messages.length === 0 && sending.length === 0 && (
            <Text c="dimmed" size="sm">
              {t.table.noMessages}
            </Text>
          )}
          {messages.map((m) => (
            <MessageLine key={m.seq} message={m} mine={!!me && m.role === me.role.id && m.seat === me.seat} view={view} scenario={scenario} />
          ))}
          {sending.map((e) => (
            <div key={e.id} className={classes.message} data-mine data-sending data-testid="message-sending">
              <Text size="xs" c="dimmed" fs="italic">
                {t.table.sending}
              </Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} data-text="player">
                {e.action.type === 'chat' ? e.action.text : ''}
              </Text>
            </div>
          ))}
        </Stack>
      </ScrollArea>
      {!readOnly && <Composer channel={channel} />}
    </>
  );
}

function Composer({ channel }: { channel: ChannelView }) {
  const draftKey = `spacebridge.draft.${channel.id}`;
  const [text, setText] = useState(() => sessionStorage.getItem(draftKey) ?? '');
  const [failedText, setFailedText] = useState<string | null>(null);
  const action = useAction();
  const label = channelName(channel, useSession().scenario);
  // Whether the seat may post here now (the phase, a pause, a constraint closing the channel).
  const refusal = refusalOf(useMoves()?.chat[channel.id]);
  useEffect(() => {
    if (text) sessionStorage.setItem(draftKey, text);
    else sessionStorage.removeItem(draftKey);
  }, [text, draftKey]);

  function send(event?: FormEvent) {
    event?.preventDefault();
    const body = text.trim();
    if (!body) return;
    action.submit({ type: 'chat', channel: channel.id, text: body });
    setFailedText(body);
    setText('');
  }

  return (
    <Box p="sm" className={classes.composer}>
      {action.error && (
        <Box mb={6}>
          <ActionErrorText error={action.error} onClose={action.reset} />
          {failedText && (
            <Button size="compact-xs" variant="subtle" mt={4} onClick={() => { setText(failedText); action.reset(); }}>
              ↺ {failedText.slice(0, 40)}
            </Button>
          )}
        </Box>
      )}
      <form onSubmit={send}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Textarea
            aria-label={t.table.messageLabel({ channel: label })}
            placeholder={!refusal ? t.table.messagePlaceholder : refusal.code === 'channel-closed' ? t.table.closedBecause({ reason: channel.closedBy ?? '' }) : errorText(refusal)}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send();
              }
            }}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={LIMITS.chatChars}
            disabled={!!refusal}
            style={{ flex: 1 }}
            data-testid="chat-input"
          />
          <Button type="submit" disabled={!!refusal || !text.trim()}>
            {t.table.send}
          </Button>
        </Group>
      </form>
    </Box>
  );
}

function WhisperList({ whispers }: { whispers: Whisper[] }) {
  const viewport = useStickToBottom(whispers.length);
  return (
    <>
      <Group px="md" py="sm" className={classes.chatHeader}>
        <Text fw={600}>{t.table.whisperFrom}</Text>
      </Group>
      <ScrollArea viewportRef={viewport} style={{ flex: 1 }} px="md">
        <Stack gap={8} py="sm" role="log" aria-live="polite">
          {whispers.length === 0 && (
            <Text c="dimmed" size="sm">
              {t.table.noMessages}
            </Text>
          )}
          {whispers.map((w) => (
            <div key={w.seq} className={classes.message}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-text="player">
                {w.text}
              </Text>
            </div>
          ))}
        </Stack>
      </ScrollArea>
    </>
  );
}

function NewGroupModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { view } = useSession();
  const [label, setLabel] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const action = useAction();
  const group = useMoves()?.group;
  useEffect(() => {
    if (action.done) onCreated();
  }, [action.done, onCreated]);
  return (
    <Modal opened onClose={onClose} title={t.table.newGroup} closeButtonProps={{ 'aria-label': t.app.close }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          action.submit({ type: 'openGroup', label: label.trim(), members });
        }}
      >
        <Stack>
          <TextInput label={t.table.groupLabel} value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={LIMITS.groupLabelChars} required data-autofocus />
          <MultiSelect
            label={t.table.groupMembers}
            data={(group?.invite ?? []).map((id) => ({ value: id, label: roleName(view, id) }))}
            value={members}
            onChange={setMembers}
            maxValues={group ? group.maxMembers - 1 : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <ActionErrorText error={action.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.app.cancel}
            </Button>
            <Button type="submit" loading={action.pending} disabled={!label.trim() || members.length === 0}>
              {t.table.createGroup}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
