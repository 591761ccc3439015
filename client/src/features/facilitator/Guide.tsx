// The facilitator guide of the session's scenario (docs/guides/<scenario id>.md, served to the
// facilitator only by GET /api/sessions/:id/guide), rendered from Markdown (GitHub tables, no raw
// HTML: a guide cannot put markup into the console) and printable on its own.
import { useEffect, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Paper, Stack } from '@mantine/core';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { api, apiErrorText, type ApiError } from '../../api';
import { t } from '../../i18n';
import classes from './Guide.module.css';

type Loaded = { markdown: string } | { missing: true } | { error: string };

export function Guide({ sessionId, facilitatorKey, scenarioId }: { sessionId: string; facilitatorKey: string; scenarioId: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    api.guide(sessionId, facilitatorKey).then(
      (guide) => current && setLoaded({ markdown: guide.markdown }),
      (error: ApiError) => current && setLoaded(error.code === 'no-guide' ? { missing: true } : { error: apiErrorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [sessionId, facilitatorKey]);

  if (!loaded)
    return (
      <Center h={200}>
        <Loader aria-label={t.guide.loading} />
      </Center>
    );
  if ('error' in loaded)
    return (
      <Alert color="red" role="alert">
        {loaded.error}
      </Alert>
    );
  if ('missing' in loaded)
    return (
      <Alert color="gray" title={t.guide.none} data-testid="no-guide">
        {t.guide.noneHint({ scenarioId })}
      </Alert>
    );
  return (
    <Stack gap="sm">
      <Group justify="flex-end" className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t.guide.print}
        </Button>
      </Group>
      <Paper p="xl" component="article" className={classes.guide} data-testid="guide">
        <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
          {loaded.markdown}
        </ReactMarkdown>
      </Paper>
    </Stack>
  );
}
