// The reader's language: the header's picker switches every text in place (no reload, the
// connection kept), the device remembers it, a browser in Chinese starts in Chinese, and a seated
// student who switches gets the scenario's texts in the new language from the server.
import { describe, expect, it } from 'vitest';
import { createSession, joinAsStudent, newPage } from './harness';
import { browserSuite } from './suite';

const suite = browserSuite();

describe('languages', () => {
  it('switches in place, remembers the choice, starts from the browser and reaches the server', async () => {
    const { server, browser } = suite;
    const session = await createSession(server.url);

    // Home: English by default; Русский from the picker, without a reload.
    const { page: home } = await newPage(browser);
    await home.goto(`${server.url}/`);
    await home.getByRole('heading', { name: 'Join a session' }).waitFor();
    await home.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    await home.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Русский' });
    await home.getByRole('heading', { name: 'Войти в сессию' }).waitFor();
    expect(await home.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    expect(await home.evaluate(() => [document.documentElement.lang, localStorage.getItem('spacebridge.language')])).toEqual(['ru', 'ru']);
    await home.reload();
    await home.getByRole('heading', { name: 'Войти в сессию' }).waitFor();

    // A browser whose first language is Chinese starts in Chinese.
    const context = await browser.newContext({ locale: 'zh-CN' });
    const chinese = await context.newPage();
    await chinese.goto(`${server.url}/`);
    await chinese.getByRole('heading', { name: '加入模拟' }).waitFor();
    await context.close();

    // A seated student switches: the UI and the scenario's texts (sent by the server) change.
    const { page: student } = await newPage(browser);
    await joinAsStudent(student, server.url, session.joinCode, 'Ann', { role: 'nasa', seat: 'head' });
    const brief = student.getByTestId('confidential-brief');
    await student.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Русский' });
    await student.getByText('Ведомство, которое только что высадило людей на Луну', { exact: false }).waitFor();
    await student.getByTestId('connection-status').and(student.locator('[data-status="connected"]')).getByText('Подключено').waitFor();
    await student.getByRole('combobox', { name: 'Язык' }).selectOption({ label: '中文' });
    await student.getByText('这个机构刚刚把人送上月球', { exact: false }).waitFor();
    await brief.waitFor();
  });
});
