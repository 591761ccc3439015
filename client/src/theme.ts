// The Mantine theme: calm, readable from the back of a room, one space-blue accent.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

const space: MantineColorsTuple = [
  '#eef3ff',
  '#dce4f5',
  '#b6c7e9',
  '#8ca8dd',
  '#6a8dd3',
  '#547ccd',
  '#4873cb',
  '#3962b3',
  '#2f57a1',
  '#1c3f8f',
];

export const theme = createTheme({
  primaryColor: 'space',
  primaryShade: { light: 8, dark: 5 },
  colors: { space },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, sans-serif', fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
  },
});
