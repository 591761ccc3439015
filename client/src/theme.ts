// The Mantine theme: calm, readable from the back of a room, one space-blue accent. Colours are
// tuned for WCAG AA contrast (text on light badges and white on filled ones).
import { createTheme, type CSSVariablesResolver, darken, defaultVariantColorsResolver, parseThemeColor, type MantineColorsTuple, type VariantColorsResolver } from '@mantine/core';

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

/** Light hues need more darkening before white or their own tint reads well on them. */
const BRIGHT = new Set(['orange', 'yellow', 'lime', 'cyan', 'teal', 'green', 'grape', 'blue', 'indigo']);

const variantColorResolver: VariantColorsResolver = (input) => {
  const defaults = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.color === 'gray' || parsed.color === 'dark') {
    if (parsed.color === 'gray' && (input.variant === 'light' || input.variant === 'outline'))
      return { ...defaults, color: input.theme.colors.gray[8] };
    return defaults;
  }
  const deep = input.theme.colors[parsed.color][9];
  const ink = BRIGHT.has(parsed.color) ? darken(deep, 0.25) : deep;
  if (input.variant === 'light') return { ...defaults, color: ink };
  if (input.variant === 'outline' || input.variant === 'subtle' || input.variant === 'white') return { ...defaults, color: ink, border: input.variant === 'outline' ? `1px solid ${ink}` : defaults.border };
  if (input.variant === 'filled') return { ...defaults, background: ink, hover: darken(ink, 0.1), color: 'var(--mantine-color-white)' };
  return defaults;
};

export const theme = createTheme({
  primaryColor: 'space',
  primaryShade: { light: 9, dark: 5 },
  colors: { space },
  variantColorResolver,
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, sans-serif', fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
    // A scrollable region must be reachable by keyboard.
    ScrollArea: { defaultProps: { viewportProps: { tabIndex: 0 } } },
    ScrollAreaAutosize: { defaultProps: { viewportProps: { tabIndex: 0 } } },
  },
});

/** Dimmed text and placeholders at 4.5:1 or better on white and on the page background. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5b626b', '--mantine-color-placeholder': '#6b727a' },
  dark: {},
});
