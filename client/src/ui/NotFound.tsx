import { Button, Center, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { t } from '../i18n';

export function NotFound() {
  return (
    <Center h="70vh" component="main" id="main">
      <Stack align="center">
        <Text size="lg">{t.app.notFound}</Text>
        <Button component={Link} href="/">
          {t.app.goHome}
        </Button>
      </Stack>
    </Center>
  );
}
