// The HTTP API's errors in Simplified Chinese: the same keys and ICU placeholders as ./en.ts, the
// glossary and typography of ../zh.ts.
import type { ApiErrorCatalogue } from '../apiErrors';

export const apiErrorsZh = {
  'invalid-request': '服务器无法接受此请求（{fields}）。',
  'invalid-json': '服务器无法读取此请求。',
  'too-large': '内容过大：服务器最多接受 {maxKiB, number} KB。',
  'bad-request': '服务器无法读取此地址。',
  'internal-error': '服务器处理此请求时出错。请重试；如果一直出错，请告知服务器管理员。',
  'not-found': '服务器上没有这个页面或服务。',
  'origin-not-allowed': '其他网站的页面不能使用此服务器。',
  unauthorized: '{key, select, instructor {{reason, select, missing {需要你的教师密钥。} other {此教师密钥在本服务器上无效（错误或已撤销）。}}} other {{reason, select, missing {需要本场模拟的主持人密钥。} other {主持人密钥错误。}}}}',
  'rate-limited': '{limit, select, sessions {同一地址每小时最多开设 {max, number} 场模拟。请稍后再试。} saves {每小时最多保存 {max, number} 次。请稍后再试。} playtests {每小时最多试玩 {max, number} 次。请稍后再试。} lookups {此地址输错的加入码过多。请几秒后再试。} other {此地址输错的加入码或密钥过多。请等几分钟。}}',
  'unknown-scenario': '此服务器上没有情景“{scenario}”。',
  'unknown-class-format': '此情景没有课堂形式“{classFormat}”（现有：{offered}）。',
  'unknown-code': '没有使用此加入码的模拟。请向教师核对。',
  'no-guide': '此情景没有主持人指南。',
  'unknown-format': '没有“{format}”这种导出格式。',
  'matchmaking-refused': '服务器不提供这种加入方式（“{method}”）。',
  'shutting-down': '服务器正在重启。请稍后再试。',
  'unknown-session': '此模拟不存在（或已不存在）。',
  refused: '模拟拒绝了你的加入请求。',
  'too-many-aliases': '此 YAML 使用的别名（*name）超过了情景允许展开的数量。请把重复的部分完整写出。未保存任何内容。',
  'unreadable-yaml': '{reason, select, tooDeep {此 YAML 嵌套过深，无法读取。} timeout {检查此文本用时超过 {seconds, number} 秒。} crashed {校验器在此文本上停止了运行。} other {YAML 解析器无法读取此文本。}}未保存任何内容。',
  'unknown-role': '此草稿没有代表团“{role}”：请从以下代表团中选择：{roles}。',
  'not-owner': '只有此情景的所有者 {owner} 可以修改它。如需编辑副本，请将它另存为你自己的情景。',
  'unknown-library-scenario': '情景库中没有这个情景（或它是另一位教师的私有情景）。',
  'unknown-version': '此情景没有版本 {version}。',
  'version-conflict': '在此次编辑所基于的版本 {basedOn, number} 之后，已有人保存了版本 {version, number}。未保存任何内容：请重新加载后再保存。',
  'scenario-invalid': '{reason, select, noValidVersion {此情景还没有有效版本：请先在工作室中修正问题。} problems {此版本有 {problemCount, plural, other {# 个问题}}：只有校验器找不到任何问题时，情景才能开始游戏。} other {校验器无法读取此版本。}}',
  unknown: '服务器返回了错误（HTTP {status}）。',
} satisfies ApiErrorCatalogue;
