// A technical detail in its source's own words (the browser's, the YAML library's), under a
// message in the reader's language: marked as English, which it usually is.
import { Text } from '@mantine/core';
import { st } from './text';

export function Detail({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <Text size="xs" c="dimmed" mt={4}>
      {st.detail} <span lang="en">{text}</span>
    </Text>
  );
}
