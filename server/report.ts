// The facilitator's debrief data for one session, and its exports (JSON, CSV, Markdown), in the
// reader's language (`?lang=`): the scenario's texts from its translation (shared/scenario), the
// exports' headings and fixed words from server/i18n. What players wrote stays as they wrote it.
// Everything is revealed here: it is only served to the holder of the facilitator key.
import { describeLabelledTerms, describePlacement, placeDeals, type DealInSpace } from '@shared/analysis';
import { score } from '@shared/engine';
import type { Deal, Message, RoleScore, Whisper } from '@shared/engine';
import type { ViewTimelineEntry } from '@shared/engine/view';
import { timelineEntryIn } from '@shared/engine/viewLanguage';
import { channelName, wordTimeline, type Worded, type Wording } from '@shared/engine/wording';
import { ScenarioLanguage } from '@shared/scenario/schema';
import { translateScenario } from '@shared/scenario/translations';
import { exportTexts, LOCALES } from './i18n';
import type { GameSession } from './session';

export interface SeatParticipation {
  role: string;
  seat: string;
  title: string;
  occupant: string | null;
  messages: number;
  proposals: number;
  responses: number;
  signatures: number;
  statements: number;
  actions: number;
}

export interface SessionReport {
  /** The language of the report's texts (the scenario's where it has no translation). */
  language: ScenarioLanguage;
  session: {
    id: string;
    scenarioId: string;
    title: string;
    createdAt: string;
    seed: number;
    status: string;
    round: number;
    seq: number;
    outcome: { reason: string; at: string } | null;
  };
  roles: { id: string; name: string; kind: string; nations: string[] }[];
  /** Every channel of the session (groups opened in play too), named in the report's language
   *  (a group by the name its opener typed). */
  channels: { id: string; label: string }[];
  /** The scenario's deal types with the labels of their issues and options, to read `deals` by. */
  dealTypes: { id: string; label: string; issues: { id: string; label: string; options: { id: string; label: string }[] }[] }[];
  /** Each entry's code and params (as in the game state; a scenario text copied into them, an
   *  event's, in the report's language) and its `headline` and `text` worded in that language. */
  timeline: ReportTimelineEntry[];
  scores: RoleScore[];
  /** Every role's secret objectives, with whether each was met. */
  objectives: { role: string; id: string; description: string; points: number; met: boolean }[];
  deals: Deal[];
  /** Each agreed deal (in force, signed, failed, breached) against every agreement its type allows. */
  dealsInSpace: DealInSpace[];
  messages: Message[];
  whispers: Whisper[];
  participation: SeatParticipation[];
  history: { round: number; tracks: Record<string, number> }[];
  discussionPrompts: string[];
}

export type ReportTimelineEntry = ViewTimelineEntry & Pick<Worded, 'headline' | 'text'>;

const iso = (ms: number) => new Date(ms).toISOString();

/** The language a report is asked for (`?lang=en|ru|zh`); English otherwise (the tests'
 *  pseudo-language too: the exports have no pseudo catalogue). */
export function exportLanguage(query: unknown): ScenarioLanguage {
  const parsed = ScenarioLanguage.safeParse(query);
  return parsed.success ? parsed.data : 'en';
}

export function buildReport(session: GameSession, language: ScenarioLanguage = 'en'): SessionReport {
  const { state, record } = session;
  const translated = translateScenario(session.scenario, language);
  const scenario = translated.scenario;
  const scores = score(state, scenario);
  const tx = exportTexts(language);
  const wording: Wording = {
    timeline: tx.timeline,
    channels: tx.channels,
    // As the client lists (client/src/i18n, `list`): "NASA, Soviet Academy of Sciences".
    list: (items) => new Intl.ListFormat(LOCALES[language], { style: 'narrow', type: 'conjunction' }).format(items),
  };
  return {
    language,
    session: {
      id: record.id,
      scenarioId: scenario.id,
      title: scenario.title,
      createdAt: iso(record.createdAt),
      seed: record.seed,
      status: state.status,
      round: state.round,
      seq: state.seq,
      outcome: state.outcome ? { reason: state.outcome.reason, at: iso(state.outcome.at) } : null,
    },
    roles: scenario.roles.map((r) => ({ id: r.id, name: r.name, kind: r.kind, nations: r.nations })),
    channels: Object.values(state.channels).map((c) => ({ id: c.id, label: channelName(c, scenario, wording) })),
    dealTypes: scenario.dealTypes.map((d) => ({
      id: d.id,
      label: d.label,
      issues: d.issues.map((i) => ({ id: i.id, label: i.label, options: i.options.map((o) => ({ id: o.id, label: o.label })) })),
    })),
    timeline: state.timeline.map((entry) => {
      const inLanguage = timelineEntryIn(entry, translated);
      const { headline, text } = wordTimeline(inLanguage, scenario, wording);
      return { ...inLanguage, headline, text };
    }),
    scores,
    objectives: scores.flatMap((s) => s.objectives.map((o) => ({ role: s.role, ...o }))),
    deals: Object.values(state.deals),
    dealsInSpace: placeDeals(scenario, Object.values(state.deals)),
    messages: Object.values(state.messages).flat().sort((a, b) => a.seq - b.seq || a.at - b.at),
    whispers: state.whispers,
    participation: scenario.roles.flatMap((role) =>
      role.seats.map((seat) => {
        const key = `${role.id}/${seat.id}`;
        const occupant = state.seats[key]?.occupant ?? null;
        const p = state.participation[key];
        return {
          role: role.id,
          seat: seat.id,
          title: seat.title,
          occupant: occupant === null ? null : occupant.kind === 'human' ? occupant.name : `bot (${occupant.personality})`,
          messages: p?.messages ?? 0,
          proposals: p?.proposals ?? 0,
          responses: p?.responses ?? 0,
          signatures: p?.signatures ?? 0,
          statements: p?.statements ?? 0,
          actions: p?.actions ?? 0,
        };
      }),
    ),
    history: state.history.map((h) => ({ round: h.round, tracks: h.tracks })),
    discussionPrompts: scenario.discussionPrompts,
  };
}

// --- CSV ------------------------------------------------------------------------------------------

/** One table in long format; `section` says what a row is. Documented in docs/api.md. */
export const CSV_COLUMNS = ['section', 'seq', 'at', 'round', 'kind', 'role', 'seat', 'name', 'channel', 'headline', 'text', 'points'] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | null>>;

export function reportCsv(report: SessionReport): string {
  const tx = exportTexts(report.language);
  const rows: CsvRow[] = [];
  for (const t of report.timeline) {
    rows.push({ section: 'timeline', seq: t.seq, at: iso(t.at), round: t.round, kind: t.kind, role: t.roles.join(' '), headline: t.headline, text: t.text });
  }
  for (const m of report.messages) {
    rows.push({ section: 'message', seq: m.seq, at: iso(m.at), round: m.round, role: m.role, seat: m.seat, name: m.name, channel: m.channel, text: m.text });
  }
  for (const w of report.whispers) {
    rows.push({ section: 'whisper', seq: w.seq, at: iso(w.at), role: w.role, name: 'facilitator', text: w.text });
  }
  for (const s of report.scores) {
    rows.push({ section: 'score', role: s.role, kind: 'total', points: s.total });
    for (const d of s.deals) rows.push({ section: 'score', role: s.role, kind: 'deal', headline: d.deal ? `${d.dealType} ${d.deal}` : tx.walkAway({ dealType: d.dealType }), points: d.points });
    for (const o of s.objectives) rows.push({ section: 'score', role: s.role, kind: 'objective', headline: o.description, text: tx.met({ met: o.met }), points: o.met ? o.points : 0 });
    for (const r of s.resources) rows.push({ section: 'score', role: s.role, kind: 'resource', headline: r.resource, points: r.points });
    for (const o of s.shared) rows.push({ section: 'score', role: s.role, kind: 'shared', headline: o.description, text: tx.met({ met: o.met }), points: o.met ? o.points : 0 });
  }
  for (const p of report.participation) {
    for (const kind of ['messages', 'proposals', 'responses', 'signatures', 'statements', 'actions'] as const) {
      rows.push({ section: 'participation', role: p.role, seat: p.seat, name: p.occupant, kind, headline: p.title, points: p[kind] });
    }
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (students wrote it).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// --- Markdown -------------------------------------------------------------------------------------

/**
 * Text as Markdown shows it literally: what students typed (and scenario text) must never turn
 * into markup in whatever renders the export, so a chat message `<script>` or `**x**` reads as
 * typed. Backslash escapes (CommonMark) for the characters that start inline markup, raw HTML,
 * an entity or a table cell; line breaks become spaces. Every line of the export starts with its
 * own prefix ("- ", "| "), so no text of this kind can start a block (a heading, a quote).
 */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, '\\$&').replace(/\s*\r?\n\s*/g, ' ');
}

export function reportMarkdown(report: SessionReport): string {
  const tx = exportTexts(report.language);
  const roleName = new Map(report.roles.map((r) => [r.id, r.name]));
  const channelLabel = new Map(report.channels.map((c) => [c.id, c.label]));
  const dealTypes = new Map(report.dealTypes.map((d) => [d.id, d]));
  /** A deal's terms as its players read them: "Issue: option; …". */
  const termsText = (dealTypeId: string, terms: Record<string, string>) => {
    const issues = dealTypes.get(dealTypeId)?.issues ?? [];
    return Object.entries(terms)
      .map(([issueId, optionId]) => {
        const issue = issues.find((i) => i.id === issueId);
        return `${issue?.label ?? issueId}: ${issue?.options.find((o) => o.id === optionId)?.label ?? optionId}`;
      })
      .join('; ');
  };
  const name = (role: string | null) => markdownText(role ? (roleName.get(role) ?? role) : tx.facilitator());
  const cell = markdownText;
  const out: string[] = [];
  const s = report.session;
  out.push(`# ${tx.title({ title: cell(report.session.title) })}`, '');
  out.push(tx.summary({ id: `\`${s.id}\``, createdAt: s.createdAt, seed: s.seed, status: s.status, round: s.round, seq: s.seq }));
  // ICU selectors are words: 'ended-by-facilitator' is selected as endedByFacilitator.
  if (s.outcome) out.push(tx.ended({ reason: s.outcome.reason.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), at: s.outcome.at }));
  out.push('', `## ${tx.scores()}`, '', `| ${tx.delegation()} | ${tx.total()} | ${tx.deals()} | ${tx.objectivesMet()} |`, '| --- | ---: | ---: | --- |');
  for (const sc of report.scores) {
    const dealPoints = sc.deals.reduce((sum, d) => sum + d.points, 0);
    const met = sc.objectives.filter((o) => o.met).map((o) => cell(o.description));
    out.push(`| ${name(sc.role)} | ${sc.total} | ${dealPoints} | ${met.length ? met.join('; ') : tx.none()} |`);
  }
  out.push('', `## ${tx.objectives()}`, '');
  for (const o of report.objectives) out.push(`- **${name(o.role)}**: ${cell(o.description)} (${tx.points({ points: o.points })}): ${tx.met({ met: o.met })}`);
  out.push('', `## ${tx.deals()}`, '');
  if (report.deals.length === 0) out.push(tx.noDeals());
  for (const d of report.deals) {
    const terms = d.versions.at(-1)?.terms ?? {};
    const type = cell(dealTypes.get(d.dealType)?.label ?? d.dealType);
    out.push(`- ${d.id} ${type} (${tx.deal({ memo: d.track === 2, status: d.status, parties: d.parties.map(name).join(', '), terms: cell(termsText(d.dealType, terms)) })})`);
  }
  if (report.dealsInSpace.length) {
    out.push('', `## ${tx.space()}`, '');
    for (const p of report.dealsInSpace) {
      out.push(`### ${p.deal} ${cell(p.dealTypeLabel)} (${p.status}): ${p.parties.map(name).join(', ')}`, '');
      out.push(`${tx.terms({ terms: cell(describeLabelledTerms(p.terms)) })}${p.valuedAs !== p.dealType ? ` ${tx.valuedAs({ label: cell(p.valuedAsLabel) })}` : ''}`, '');
      for (const line of describePlacement(p, (role) => roleName.get(role) ?? role)) out.push(`- ${cell(line)}`);
      out.push('');
    }
  }
  out.push('', `## ${tx.transcript()}`, '');
  type Line = { seq: number; at: number; text: string };
  const lines: Line[] = [
    ...report.timeline.map((t) => ({ seq: t.seq, at: t.at, text: `**${cell(t.headline)}**${t.text ? `: ${cell(t.text)}` : ''}` })),
    ...report.messages.map((m) => ({ seq: m.seq, at: m.at, text: `${cell(channelLabel.get(m.channel) ?? m.channel)}: ${cell(m.name)} (${name(m.role)}): ${cell(m.text)}` })),
    ...report.whispers.map((w) => ({ seq: w.seq, at: w.at, text: `${tx.whisper({ role: name(w.role) })}: ${cell(w.text)}` })),
  ].sort((a, b) => a.seq - b.seq || a.at - b.at);
  for (const l of lines) out.push(`- ${iso(l.at).slice(11, 19)} ${l.text}`);
  const columns = [tx.delegation(), tx.seat(), tx.player(), tx.messages(), tx.proposals(), tx.responses(), tx.signatures(), tx.statements(), tx.actions()];
  out.push('', `## ${tx.participation()}`, '', `| ${columns.join(' | ')} |`, '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of report.participation) {
    if (!p.occupant) continue;
    out.push(`| ${name(p.role)} | ${cell(p.title)} | ${cell(p.occupant)} | ${p.messages} | ${p.proposals} | ${p.responses} | ${p.signatures} | ${p.statements} | ${p.actions} |`);
  }
  if (report.discussionPrompts.length) {
    out.push('', `## ${tx.discussion()}`, '');
    for (const q of report.discussionPrompts) out.push(`- ${cell(q)}`);
  }
  return out.join('\n') + '\n';
}
