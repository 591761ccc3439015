// A piece of game jargon (a phase chip, a power, a deal's stage) that explains itself: the
// explanation opens on hover, on a tap (phones have no hover) and with Enter or Space from the
// keyboard, and closes on Escape, a tap elsewhere, when the pointer leaves or the focus moves on.
import { useId, useState, type ReactNode } from 'react';
import { Popover, Text, UnstyledButton } from '@mantine/core';
import classes from './Help.module.css';

export function Explain({ text, children, testId }: { text: string | undefined; children: ReactNode; testId?: string }) {
  const [opened, setOpened] = useState(false);
  const id = useId();
  if (!text) return <>{children}</>;
  return (
    // Not a dialog but a description of the term: the button is described by it while it shows.
    <Popover opened={opened} onChange={setOpened} width={260} position="bottom" withArrow shadow="md" withRoles={false}>
      <Popover.Target>
        <UnstyledButton
          className={classes.explained}
          // A click opens (never toggles): with a mouse, hovering has already opened it.
          onClick={() => setOpened(true)}
          onMouseEnter={() => setOpened(true)}
          onMouseLeave={() => setOpened(false)}
          onKeyDown={(e) => e.key === 'Escape' && setOpened(false)}
          onBlur={() => setOpened(false)}
          aria-describedby={opened ? id : undefined}
          data-testid={testId}
        >
          {children}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown role="tooltip" id={id} p="xs">
        <Text size="sm">{text}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}
