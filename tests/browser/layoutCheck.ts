// What a screen looks like at the classroom widths (phones 360 and 390, a tablet 820, a laptop
// 1366, a projector 1920): nothing scrolls sideways, and no seat title, channel name, deal title
// or chip is cut so that it reads like another (or, for chips, cut at all). Shared by the layout
// test (English) and the pseudo-language pass (longer strings), which adds its own check per screen.
import type { Page } from 'playwright-core';

export const WIDTHS = [360, 390, 820, 1366, 1920];
export const HEIGHT = 900;

/** Labels that must stay telling apart: each class of label and how to find its elements. */
const LABELS: Record<string, string> = {
  'seat-title': '[data-label="seat-title"]',
  'channel-name': '[data-label="channel-name"]',
  'deal-title': '[id^="deal-"][id$="-title"]',
  chip: '.mantine-Badge-label',
};

interface Measure {
  scrollWidth: number;
  innerWidth: number;
  /** Labels cut to the same visible text as another label of their class (chips: cut at all). */
  cut: string[];
  /** Table cells that lie outside the window (a column cut off). */
  cellsOutside: string[];
  /** When the page scrolls sideways: the innermost elements that reach past the window's edge. */
  widest: string[];
}

/** What the page looks like now: its width and its labels cut short. Runs in the page. */
function measure({ labelClasses, total }: { labelClasses: Record<string, string>; total: string }): Measure {
  const isShown = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  // The text a cut label shows: the characters that end inside its box.
  const visibleText = (el: HTMLElement) => {
    const right = el.getBoundingClientRect().right;
    const bottom = el.getBoundingClientRect().bottom;
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.textContent ?? '';
      for (let i = 0; i < value.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.right <= right + 0.5 && box.bottom <= bottom + 0.5) text += value[i];
      }
    }
    return text.trim();
  };
  const isCut = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
  const cut: string[] = [];
  for (const [kind, selector] of Object.entries(labelClasses)) {
    const labels = [...document.querySelectorAll<HTMLElement>(selector)].filter(isShown);
    const shown = labels.map((el) => (isCut(el) ? visibleText(el) : (el.textContent ?? '').trim()));
    labels.forEach((el, i) => {
      if (!isCut(el)) return;
      const full = (el.textContent ?? '').trim();
      if (kind === 'chip') cut.push(`chip "${full}" shows "${shown[i]}"`);
      else if (shown.some((other, j) => j !== i && other === shown[i])) cut.push(`${kind} "${full}" shows "${shown[i]}" like another`);
    });
  }
  // A wide table may scroll inside its own box (the participation table on a phone), but a
  // score's Total column is always in view.
  const scrollsSideways = (cell: Element) => {
    for (let el = cell.parentElement; el; el = el.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(el).overflowX)) return true;
    return false;
  };
  const cellsOutside = [...document.querySelectorAll('main th, main td')]
    .filter(isShown)
    .filter((cell) => cell.getBoundingClientRect().right > window.innerWidth + 0.5)
    .filter((cell) => !scrollsSideways(cell) || (cell.textContent ?? '').trim() === total)
    .map((cell) => (cell.textContent ?? '').trim().slice(0, 40));
  // What pushes the page wider: elements past the right edge none of whose children are.
  const past = (el: Element) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && isShown(el);
  const widest =
    document.documentElement.scrollWidth > window.innerWidth
      ? [...document.querySelectorAll('body *')]
          .filter((el) => past(el) && ![...el.children].some(past))
          .slice(0, 3)
          .map((el) => {
            const id = el.closest('[data-testid]')?.getAttribute('data-testid');
            return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className.split(' ')[0]}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}"${id ? ` in [data-testid=${id}]` : ''} ends at ${Math.round(el.getBoundingClientRect().right)}`;
          })
      : [];
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, cut, cellsOutside, widest };
}

/** Waits until the page has laid out at its new size (two frames: React re-renders on a media query). */
export async function settle(page: Page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export interface ScreenCheck {
  /** The tabs to open in turn where the screen shows tabs instead of columns (the table on a
   *  tablet or phone), so every panel is measured: their names as the page shows them. */
  tabs?: string[];
  /** Brings the screen back after a resize (an editor the narrower layout closed). */
  prepare?: () => Promise<void>;
  /** How the debrief's Total column is headed in the page's language (it must stay in view). */
  total?: string;
  /** More problems to look for on each screen and width (the pseudo pass: hard-coded text). */
  also?: (page: Page) => Promise<string[]>;
}

/** Every problem on one screen, worded for the failure message ("lobby@360: ..."). */
async function problemsOn(page: Page, screen: string, check: ScreenCheck): Promise<string[]> {
  await settle(page);
  const m = await page.evaluate(measure, { labelClasses: LABELS, total: check.total ?? 'Total' });
  const problems: string[] = [];
  if (m.scrollWidth > m.innerWidth) problems.push(`scrolls sideways (${m.scrollWidth} > ${m.innerWidth}): ${m.widest.join('; ')}`);
  problems.push(...m.cut);
  if (m.cellsOutside.length) problems.push(`table cells outside the window: ${m.cellsOutside.join(' | ')}`);
  if (check.also) problems.push(...(await check.also(page)));
  return problems.map((p) => `${screen}: ${p}`);
}

/** Checks a screen at every width, adding what is wrong to `report`. */
export async function checkEveryWidth(page: Page, screen: string, report: string[], check: ScreenCheck = {}) {
  const tabs = check.tabs ?? [];
  await page.bringToFront();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    await settle(page);
    await check.prepare?.();
    const tabbed = tabs.length > 0 && (await page.getByRole('tab', { name: tabs[0], exact: true }).isVisible());
    if (!tabbed) report.push(...(await problemsOn(page, `${screen}@${width}`, check)));
    else
      for (const tab of tabs) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        report.push(...(await problemsOn(page, `${screen}/${tab}@${width}`, check)));
      }
  }
  if (tabs.length > 0) {
    // Leave the page where it started: the first tab at the first width.
    await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await page.getByRole('tab', { name: tabs[0], exact: true }).click();
  }
}
