// The home screen: a student joins with a code and a name (or goes back to the seat this device
// last played); an instructor picks a scenario and creates a session (the facilitator key is kept
// in localStorage and in the console's URL).
import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
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
import { api, ApiError, type ScenarioSummary } from '../../api';
import { errorText, t } from '../../i18n';
import { LIMITS } from '@shared/protocol/limits';
import type { ClassPlan } from '@shared/scenario/classFormat';
import { PlanLine } from '../../ui/ClassPlan';
import { consoleUrl, storage } from '../../storage';
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
  const [errors, setErrors] = useState<{ code?: string; name?: string; form?: string }>({});
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
      setErrors(error instanceof ApiError && error.status === 404 ? { code: t.home.unknownCode } : { form: errorText(error as ApiError) });
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
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
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
          <Text size="sm" c="dimmed">
            {last.seat}
          </Text>
        )}
        <Button component={Link} href={`/play/${last.joinCode}`} size="md" styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.3 } }} h="auto" py="xs">
          {t.home.backToSeat(last.title, last.joinCode)}
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
              <Text fw={500} truncate>
                {s.title}
              </Text>
              <Text size="xs" c="dimmed">
                {s.joinCode} · {new Date(s.createdAt).toLocaleString()}
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

function ScenarioPicker() {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<string | null>(null);
  // Each scenario's class formats (from its public scenario), and the one picked: the first by default.
  const [plans, setPlans] = useState<Record<string, ClassPlan[]>>({});
  const [formats, setFormats] = useState<Record<string, string>>({});
  const [, navigate] = useLocation();

  const load = () => {
    setError(null);
    api.listScenarios().then((list) => {
      setScenarios(list);
      for (const { id } of list)
        api.scenario(id).then(
          (pub) => setPlans((known) => ({ ...known, [id]: pub.classPlans ?? [] })),
          // A scenario whose formats cannot be read opens in its default format.
          () => undefined,
        );
    }, (e: ApiError) => setError(errorText(e)));
  };
  useEffect(load, []);

  async function create(scenario: ScenarioSummary) {
    setCreating(scenario.id);
    setError(null);
    try {
      const session = await api.createSession(scenario.id, formats[scenario.id]);
      storage.rememberFacilitated({ ...session, title: scenario.title, createdAt: Date.now() });
      navigate(consoleUrl(session.sessionId, session.facilitatorKey, session.joinCode));
    } catch (e) {
      setError(errorText(e as ApiError));
      setCreating(null);
    }
  }

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
      {error && (
        <Alert color="red" role="alert" title={t.errors.unknown}>
          <Group justify="space-between">
            <Text size="sm">{error}</Text>
            <Button size="xs" variant="white" onClick={load}>
              {t.app.retry}
            </Button>
          </Group>
        </Alert>
      )}
      {!scenarios && !error && (
        <Group>
          <Loader size="sm" />
          <Text c="dimmed">{t.home.scenariosLoading}</Text>
        </Group>
      )}
      {scenarios?.length === 0 && <Text c="dimmed">{t.home.noScenarios}</Text>}
      {scenarios?.map((scenario) => (
        <Card key={scenario.id} padding="lg" shadow="xs" component="article" aria-labelledby={`scenario-${scenario.id}`}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Title order={3} size="h4" id={`scenario-${scenario.id}`}>
                  {scenario.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {scenario.era}
                </Text>
              </div>
              <Group gap={6} wrap="nowrap">
                <Badge variant="light">{t.home.players(scenario.players.min, scenario.players.max)}</Badge>
                <Badge variant="light" color="gray">
                  {t.home.duration(scenario.durationMinutes)}
                </Badge>
              </Group>
            </Group>
            <Text>{scenario.summary}</Text>
            {scenario.roles && scenario.roles.length > 0 && (
              <Text size="sm">
                <Text span fw={600}>
                  {t.home.roles}:{' '}
                </Text>
                {scenario.roles.map((r) => r.name).join(' · ')}
              </Text>
            )}
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t.home.learningObjectives}
              </Text>
              <List size="sm" spacing={4}>
                {scenario.learningObjectives.map((objective) => (
                  <List.Item key={objective}>{objective}</List.Item>
                ))}
              </List>
            </div>
            <ClassFormatChoice
              scenarioId={scenario.id}
              plans={plans[scenario.id] ?? []}
              value={formats[scenario.id]}
              onChange={(format) => setFormats((chosen) => ({ ...chosen, [scenario.id]: format }))}
            />
            <Group justify="flex-end">
              <Button onClick={() => create(scenario)} loading={creating === scenario.id} disabled={creating !== null}>
                {t.home.create}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
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
            <Radio key={plan.id} value={plan.id} label={plan.label} />
          ))}
        </Group>
      </Radio.Group>
      <PlanLine plan={chosen} />
    </Stack>
  );
}
