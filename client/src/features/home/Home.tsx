// The home screen: a student joins with a code and a name (or goes back to the seat this device
// last played); an instructor picks a scenario and creates a session (the facilitator key is kept
// in localStorage and in the console's URL). With the studio's instructor key on this device, the
// list also holds their library scenarios and those other instructors share.
import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Divider,
  Grid,
  Group,
  List,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useLocation } from 'wouter';
import { api, ApiError, apiErrorText, type ScenarioSummary } from '../../api';
import { locale, t } from '../../i18n';
import { LIMITS } from '@shared/protocol/limits';
import type { ClassPlan } from '@shared/scenario/classFormat';
import { PlanLine } from '../../ui/ClassPlan';
import { consoleUrl, storage } from '../../storage';
import { draftStore } from '../studio/draftStore';
import { Shell } from '../../ui/Shell';

export function Home({ code: initialCode = '' }: { code?: string }) {
  return (
    <Shell fluid={false}>
      <Stack gap="xl">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t.app.tagline}
          </Title>
        </Stack>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              {!initialCode && <BackToSeat />}
              <JoinForm initialCode={initialCode} />
              <ProjectorForm />
              <RecentSessions />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ScenarioPicker />
          </Grid.Col>
        </Grid>
      </Stack>
    </Shell>
  );
}

function JoinForm({ initialCode }: { initialCode: string }) {
  const [, navigate] = useLocation();
  const [code, setCode] = useState(initialCode.toUpperCase());
  const [name, setName] = useState(() => (initialCode ? (storage.player(initialCode)?.name ?? '') : ''));
  const [errors, setErrors] = useState<{ code?: string; name?: string; form?: unknown }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = { code: code.trim() ? undefined : t.home.codeRequired, name: name.trim() ? undefined : t.home.nameRequired };
    setErrors(found);
    if (found.code || found.name) return;
    setBusy(true);
    try {
      const joinCode = code.trim().toUpperCase();
      await api.findSession(joinCode);
      const known = storage.player(joinCode);
      storage.rememberPlayer(joinCode, { ...known, name: name.trim() });
      navigate(`/play/${joinCode}`);
    } catch (error) {
      setErrors(error instanceof ApiError && error.status === 404 ? { code: t.home.unknownCode } : { form: error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper p="xl" shadow="xs">
      <form onSubmit={submit} noValidate aria-labelledby="join-title">
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="join-title">
              {t.home.joinTitle}
            </Title>
            <Text c="dimmed" size="sm">
              {t.home.joinIntro}
            </Text>
          </div>
          <TextInput
            label={t.home.code}
            placeholder={t.home.codePlaceholder}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            error={errors.code}
            size="lg"
            maxLength={12}
            autoComplete="off"
            autoCapitalize="characters"
            styles={{ input: { letterSpacing: '0.2em', fontWeight: 600 } }}
            required
          />
          <TextInput
            label={t.home.name}
            placeholder={t.home.namePlaceholder}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            size="lg"
            maxLength={LIMITS.nameChars}
            autoComplete="given-name"
            required
          />
          {errors.form !== undefined && (
            <Alert color="red" role="alert">
              {apiErrorText(errors.form)}
            </Alert>
          )}
          <Button type="submit" size="lg" loading={busy}>
            {t.home.join}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** The way back to the session this device last played, e.g. after the browser's Back button. */
function BackToSeat() {
  const last = storage.lastSession();
  if (!last) return null;
  return (
    <Paper p="lg" withBorder component="section" aria-labelledby="last-session-title" data-testid="back-to-seat">
      <Stack gap="xs">
        <Title order={2} size="h5" id="last-session-title">
          {t.home.lastSession}
        </Title>
        {last.seat && (
          <Text size="sm" c="dimmed" data-text="scenario">
            {last.seat}
          </Text>
        )}
        <Button component={Link} href={`/play/${last.joinCode}`} size="md" styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 } }} h="auto" py="xs">
          {t.home.backToSeat({ title: last.title, code: last.joinCode })}
        </Button>
      </Stack>
    </Paper>
  );
}

function ProjectorForm() {
  const [, navigate] = useLocation();
  const [code, setCode] = useState('');
  return (
    <Paper p="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) navigate(`/projector/${code.trim().toUpperCase()}`);
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h5">
            {t.home.projector}
          </Title>
          <Text c="dimmed" size="sm">
            {t.home.projectorHint}
          </Text>
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label={t.projector.enterCode}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
              maxLength={12}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light">
              {t.home.openProjector}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RecentSessions() {
  const sessions = storage.facilitated();
  if (sessions.length === 0) return null;
  return (
    <Paper p="lg">
      <Title order={2} size="h5" mb="xs">
        {t.home.recentSessions}
      </Title>
      <Stack gap="xs">
        {sessions.slice(0, 5).map((s) => (
          <Group key={s.sessionId} justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text fw={500} truncate data-text="scenario">
                {s.title}
              </Text>
              <Text size="xs" c="dimmed">
                <span data-text="code">{s.joinCode}</span> · {new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(s.createdAt))}
              </Text>
            </div>
            <Button component="a" href={consoleUrl(s.sessionId, s.facilitatorKey, s.joinCode)} variant="subtle" size="xs">
              {t.home.reopenConsole}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** A listed scenario's key: a library scenario may carry a shipped scenario's `id`. */
const entryKey = (s: ScenarioSummary) => (s.library ? `library-${s.library.id}` : s.id);

function ScenarioPicker() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  // Kept as the error, worded as it is shown: a change of language words it again.
  const [error, setError] = useState<unknown>(null);
  // The instructor key the list was fetched with (it lists their library), and whether a stored one was refused.
  const [instructorKey, setInstructorKey] = useState<string | undefined>();
  const [keyRefused, setKeyRefused] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);
  // Each scenario's class formats (from its public scenario), and the one picked: the first by
  // default. Keyed by entryKey.
  const [plans, setPlans] = useState<Record<string, ClassPlan[]>>({});
  const [formats, setFormats] = useState<Record<string, string>>({});
  const [, navigate] = useLocation();

  const load = () => {
    setError(null);
    let key = draftStore.instructorKey() ?? undefined;
    api
      .listScenarios(key)
      .catch((e: ApiError) => {
        if (!(key && e.status === 401)) throw e;
        // A revoked key is forgotten: each refused key counts against this address (a
        // classroom's) like a wrong join code. The shipped scenarios are listed without it.
        draftStore.rememberInstructorKey(null);
        setKeyRefused(true);
        key = undefined;
        return api.listScenarios();
      })
      .then(
        (list) => {
          setInstructorKey(key);
          setScenarios(list);
          for (const scenario of list)
            (scenario.library && key ? api.libraryScenario(scenario.library, key) : api.scenario(scenario.id)).then(
              (pub) => setPlans((known) => ({ ...known, [entryKey(scenario)]: pub.classPlans ?? [] })),
              // A scenario whose formats cannot be read opens in its default format.
              () => undefined,
            );
        },
        (e: unknown) => setError(e),
      );
  };
  useEffect(load, []);

  async function create(scenario: ScenarioSummary) {
    const key = entryKey(scenario);
    setCreating(key);
    setError(null);
    try {
      const { library } = scenario;
      const session = library
        ? await api.createSession({ library: { id: library.id, version: library.version } }, formats[key], instructorKey)
        : await api.createSession({ scenarioId: scenario.id }, formats[key]);
      storage.rememberFacilitated({ ...session, title: scenario.title, createdAt: Date.now() });
      navigate(consoleUrl(session.sessionId, session.facilitatorKey, session.joinCode));
    } catch (e) {
      setError(e);
      setCreating(null);
    }
  }

  const card = (scenario: ScenarioSummary) => {
    const key = entryKey(scenario);
    return (
      <ScenarioCard
        key={key}
        entryKey={key}
        scenario={scenario}
        plans={plans[key] ?? []}
        format={formats[key]}
        onFormat={(format) => setFormats((chosen) => ({ ...chosen, [key]: format }))}
        onCreate={() => create(scenario)}
        creating={creating === key}
        disabled={creating !== null}
      />
    );
  };
  const library = scenarios?.filter((s) => s.library) ?? [];
  const shipped = scenarios?.filter((s) => !s.library) ?? [];

  return (
    <Stack gap="md" component="section" aria-labelledby="instructor-title">
      <div>
        <Title order={2} size="h3" id="instructor-title">
          {t.home.instructorTitle}
        </Title>
        <Text c="dimmed" size="sm">
          {t.home.instructorIntro}
        </Text>
        <Anchor component={Link} href="/studio" size="sm">
          {t.home.studioLink}
        </Anchor>
      </div>
      {keyRefused && (
        <Alert color="orange" role="alert" title={t.home.instructorKeyRefusedTitle} data-testid="instructor-key-refused" withCloseButton onClose={() => setKeyRefused(false)}>
          {t.home.instructorKeyRefused}
        </Alert>
      )}
      {error !== null && (
        <Alert color="red" role="alert" title={t.errors.unknown}>
          <Group justify="space-between">
            <Text size="sm">{apiErrorText(error)}</Text>
            <Button size="xs" variant="white" onClick={load}>
              {t.app.retry}
            </Button>
          </Group>
        </Alert>
      )}
      {!scenarios && error === null && (
        <Group>
          <Loader size="sm" />
          <Text c="dimmed">{t.home.scenariosLoading}</Text>
        </Group>
      )}
      {scenarios?.length === 0 && <Text c="dimmed">{t.home.noScenarios}</Text>}
      {library.length > 0 && (
        <>
          <Divider label={t.home.libraryScenarios} labelPosition="left" />
          {library.map(card)}
          <Divider label={t.home.shippedScenarios} labelPosition="left" />
        </>
      )}
      {shipped.map(card)}
    </Stack>
  );
}

function ScenarioCard(props: {
  entryKey: string;
  scenario: ScenarioSummary;
  plans: ClassPlan[];
  format: string | undefined;
  onFormat: (format: string) => void;
  onCreate: () => void;
  creating: boolean;
  disabled: boolean;
}) {
  const { entryKey: key, scenario } = props;
  return (
    <Card padding="lg" shadow="xs" component="article" aria-labelledby={`scenario-${key}`} data-testid={`scenario-card-${key}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h4" id={`scenario-${key}`} data-text="scenario">
              {scenario.title}
            </Title>
            <Text size="sm" c="dimmed" data-text="scenario">
              {scenario.era}
            </Text>
          </div>
          <Group gap={6} wrap="nowrap">
            <Badge variant="light">{t.home.players({ min: scenario.players.min, max: scenario.players.max })}</Badge>
            <Badge variant="light" color="gray">
              {t.home.duration({ minutes: scenario.durationMinutes })}
            </Badge>
          </Group>
        </Group>
        {scenario.library && (
          <Group gap={6}>
            <Badge variant="outline" color={scenario.library.mine ? 'teal' : 'violet'} data-testid="library-badge">
              {scenario.library.mine ? t.home.yourLibrary({ shared: scenario.library.visibility === 'shared' }) : t.home.sharedBy({ owner: scenario.library.owner })}
            </Badge>
            <Text size="xs" c="dimmed">
              {t.home.libraryVersion({ version: scenario.library.version })}
            </Text>
          </Group>
        )}
        <Text data-text="scenario">{scenario.summary}</Text>
        {scenario.roles && scenario.roles.length > 0 && (
          <Text size="sm">
            <Text span fw={600}>
              {t.format.lead({ label: t.home.roles })}{' '}
            </Text>
            <span data-text="scenario">{scenario.roles.map((r) => r.name).join(' · ')}</span>
          </Text>
        )}
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t.home.learningObjectives}
          </Text>
          <List size="sm" spacing={4}>
            {scenario.learningObjectives.map((objective) => (
              <List.Item key={objective} data-text="scenario">
                {objective}
              </List.Item>
            ))}
          </List>
        </div>
        <ClassFormatChoice scenarioId={key} plans={props.plans} value={props.format} onChange={props.onFormat} />
        <Group justify="flex-end">
          <Button onClick={props.onCreate} loading={props.creating} disabled={props.disabled}>
            {t.home.create}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The class format a session is opened in: the 90-minute class (the scenario's first) by default. */
function ClassFormatChoice({ scenarioId, plans, value, onChange }: { scenarioId: string; plans: ClassPlan[]; value: string | undefined; onChange: (format: string) => void }) {
  if (plans.length === 0) return null;
  const chosen = plans.find((p) => p.id === value) ?? plans[0];
  return (
    <Stack gap={6}>
      <Radio.Group label={t.classPlan.format} value={chosen.id} onChange={onChange} name={`format-${scenarioId}`}>
        <Group gap="lg" mt={4}>
          {plans.map((plan) => (
            <Radio key={plan.id} value={plan.id} label={<span data-text="scenario">{plan.label}</span>} />
          ))}
        </Group>
      </Radio.Group>
      <PlanLine plan={chosen} />
    </Stack>
  );
}
