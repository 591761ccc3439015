// The page frame every screen shares: a header with the brand, the screen's title, whatever the
// screen puts on the right (clock, connection state) and the language picker, then the main
// landmark. On a phone the right-hand part moves below the title rather than squeezing it out:
// the title says who you play.
import type { ReactNode } from 'react';
import { Box, Group, Text, Title } from '@mantine/core';
import { Link } from 'wouter';
import { t } from '../i18n';
import { LanguagePicker } from './LanguagePicker';
import classes from './Shell.module.css';

function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#1c3f8f" />
      <circle cx="16" cy="16" r="5" fill="#fff" />
      <ellipse cx="16" cy="16" rx="12" ry="4.5" fill="none" stroke="#9cc0ff" strokeWidth="2" transform="rotate(-25 16 16)" />
    </svg>
  );
}

export function Shell({
  title,
  right,
  children,
  fluid = true,
}: {
  title?: ReactNode;
  right?: ReactNode;
  children: ReactNode;
  fluid?: boolean;
}) {
  return (
    <div className={classes.page}>
      <header className={`${classes.header} no-print`}>
        <Group gap="sm" wrap="nowrap" className={classes.brand}>
          <Link href="/" className={classes.brandLink} aria-label={t.app.name}>
            <Logo />
            <Text fw={700} size="lg" c="space.9" visibleFrom="lg">
              {t.app.name}
            </Text>
          </Link>
          {title && (
            <>
              <Text c="dimmed" aria-hidden="true" visibleFrom="lg">
                /
              </Text>
              <Title order={1} size="h4" fw={600} className={classes.title}>
                {title}
              </Title>
            </>
          )}
        </Group>
        <Group gap="sm" justify="flex-end" className={classes.right}>
          {right}
          <LanguagePicker />
        </Group>
      </header>
      <Box component="main" id="main" tabIndex={-1} className={fluid ? classes.mainFluid : classes.main}>
        {children}
      </Box>
    </div>
  );
}
